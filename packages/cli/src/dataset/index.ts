export { decodeLines, type Encoding, ENCODINGS, type LineBatch } from './decode';
export { chunksOf, internalError, readDataset, type DatasetRead, type ReadOptions, type RecordPlace } from './read';
