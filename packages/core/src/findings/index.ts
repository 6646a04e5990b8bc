export type { FindingBase, Language, Localized, Position, RelatedSource, Severity, Source } from './types';
export { createFinding, defineCode, formatSource, hasErrors, type CodeSpec, type FindingContext } from './define';
