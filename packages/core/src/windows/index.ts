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
export type { WindowPlaces } from './place';
export { NATIONAL_WINDOW_MINIMUMS, type WindowMinimum } from './minimums';
export { isOpen, type WindowQuestion } from './open';
export { CLOSING_SOON_DAYS, spanFinding, spanVerdict, type Span, type SpanVerdict } from './span';
export { resolveDateRule, resolveWindows, selectWindow, type ResolvedWindow, type WindowResolution } from './resolve';
