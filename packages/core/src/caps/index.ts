export * from './schema';
export { CAP_CODES } from './codes';
export { checkCaps, checkFiles, checkSelectionWindow, checkUpload, countsTowards, DEFAULT_EXEMPT, limitsFor, periodOf, type CapAction, type CapLimit, type UploadRequest } from './decide';
