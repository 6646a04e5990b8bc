import type { Source } from '../findings/types';

/**
 * `source:` in a pack: the clause alone (`五(三)1`, cited with the pack's `document`)
 * or a document and a clause (`{ document: 作業要點, clause: 五 }`).
 */
export type SourceRef = string | { document: string; clause: string };

export function resolveSource(ref: SourceRef | undefined, document: string): Source | undefined {
  if (ref === undefined) return undefined;
  return typeof ref === 'string' ? { document, clause: ref } : ref;
}
