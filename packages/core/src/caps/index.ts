export * from './schema';
export { CAP_CODES } from './codes';
export { checkCaps, checkFiles, checkSelectionWindow, checkUpload, CLOSING_SOON_DAYS, DEFAULT_EXEMPT, limitsFor, periodOf, type CapAction, type CapLimit, type UploadRequest } from './decide';
