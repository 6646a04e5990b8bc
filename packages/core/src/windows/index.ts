export {
  ACTIVITIES,
  type Activity,
  type Anchor,
  ANCHORS,
  type DateRule,
  type Grade,
  type Window,
  WindowsSchema,
} from './schema';
export { WINDOW_CODES } from './codes';
export { checkWindows } from './check';
export { NATIONAL_WINDOW_MINIMUMS, type WindowMinimum } from './minimums';
export { CLOSING_SOON_DAYS, isOpen, type WindowQuestion } from './open';
export { resolveDateRule, resolveWindows, selectWindow, type ResolvedWindow, type WindowResolution } from './resolve';
