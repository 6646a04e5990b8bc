// What the browser playground (packages/playground) imports from the CLI: the pure parts of
// `validate`, `explain`, `render` and `diff`, which read no file. The playground's build bundles
// this module for the browser and fails if anything here reaches the file system.
export { checkedAlone, checkPack } from './_lib/check-pack';
export { coreOverlayRegistry, type OverlayRegistry } from './_lib/registry';
export { CLI_CODES, codeName } from './codes';
export { diffTexts } from './diff/run';
export { entriesOf, type Entry } from './explain/entries';
export { boundNote, EXPLAIN_TEXT, showValue } from './explain/words';
export { byPosition } from './formatters/report';
export { DOCUMENTS, type DocumentKind } from './render/document';
export { renderText } from './render/run';
