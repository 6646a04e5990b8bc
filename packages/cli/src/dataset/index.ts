export { decodeLines, type Encoding, type LineBatch } from './decode';
export { readDataset, type DatasetRead, type ReadOptions, type RecordPlace } from './read';
