export { decodeLines, type Encoding, type LineBatch } from './decode';
export { chunksOf, readDataset, type DatasetRead, type ReadOptions, type RecordPlace } from './read';
