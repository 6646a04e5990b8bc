import { validatePack, type FindingBase, type Term, type Validation } from '@portfolio-rules/core';
import { createFinding } from '@portfolio-rules/core/internal';
import { CLI_CODES } from '../codes';
import type { OverlayRegistry } from './overlays';
import { runPackChecks } from './pack-checks';

export interface CheckedPack {
  readonly validation: Validation;
  /** Everything `validate` reports about the pack. */
  readonly findings: readonly FindingBase[];
}

/** Loads, layers and checks one pack's text: what `validate` reports and what `explain` builds on. */
export function checkPack(
  file: string,
  text: string,
  registry: OverlayRegistry,
  options: { readonly term?: Term } = {},
): CheckedPack {
  const validation = validatePack(text, {
    file,
    overlays: registry.overlays,
    ...(options.term && { term: options.term }),
  });
  const findings: FindingBase[] = [...validation.findings, ...runPackChecks(validation)];
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
