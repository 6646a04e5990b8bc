export {
  type Cap,
  type Caps,
  CapsSchema,
  type Files,
  FilesSchema,
  type KindCaps,
  type Period,
  PERIODS,
} from './schema';
export { CAP_CODES } from './codes';
export {
  checkCaps,
  checkFiles,
  checkSelectionWindow,
  checkUpload,
  countsTowards,
  DEFAULT_EXEMPT,
  limitsFor,
  periodOf,
  type CapAction,
  type CapLimit,
  type CountedItem,
  type UploadRequest,
} from './decide';
export { capRoom, capVerdict, type CapVerdict } from './judge';
