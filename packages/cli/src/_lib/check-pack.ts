import { auditPack, type FindingBase, type Term, type Validation } from '@portfolio-rules/core';
import { createFinding, PACK_OMISSIONS } from '@portfolio-rules/core/internal';
import { CLI_CODES } from '../codes';
import type { OverlayRegistry } from './registry';

export interface CheckedPack {
  readonly validation: Validation;
  /** Everything `validate` reports about the pack; without `omissions`, only what is wrong in what it says. */
  readonly findings: readonly FindingBase[];
}

/**
 * Core's pack audit of one pack's text (`auditPack`): what `validate` and `audit` report. The
 * commands that show what a pack says (`explain`, `render`, `timeline`) ask with `omissions: false`:
 * a duty the pack leaves without an owner is `validate`'s to report, not a reason to refuse a table.
 */
export function checkPack(
  file: string,
  text: string,
  registry: OverlayRegistry,
  options: { readonly term?: Term; readonly omissions?: boolean } = {},
): CheckedPack {
  const validation = auditPack(text, {
    file,
    overlays: registry.overlays,
    ...(options.term && { term: options.term }),
  });
  const findings: FindingBase[] = validation.findings.filter(
    (finding) => options.omissions !== false || !PACK_OMISSIONS.has(finding.code),
  );
  const extended = validation.loaded.pack?.extends;
  const brokenFile = extended === undefined ? undefined : registry.broken.get(extended);
  if (extended !== undefined && brokenFile !== undefined) {
    const position = validation.loaded.positions.extends;
    findings.push(
      createFinding(
        CLI_CODES.overlayInvalid,
        { overlay: extended, file: brokenFile },
        { rule: 'cli.overlays', subject: 'extends', ...(position && { position }) },
      ),
    );
  }
  return { validation, findings };
}

/** One file's findings; a failure of the checker itself is that file's finding (PR9020), and the other files are still checked. */
export function checkedAlone(file: string, check: () => readonly FindingBase[]): readonly FindingBase[] {
  try {
    return check();
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    return [createFinding(CLI_CODES.internalError, { file, detail }, { rule: 'cli.validate', subject: file })];
  }
}
