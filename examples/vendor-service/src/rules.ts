import { createHash } from 'node:crypto';
import {
  createEngine,
  type Division,
  divisionsOf,
  type Engine,
  type Finding,
  validatePack,
} from '@portfolio-rules/core';

/** The school's rules, compiled once, and the version every decision records. */
export interface Rules {
  readonly engine: Engine;
  /** `<pack id>@<its version label> sha256:<first 12 hex of the pack file>`: the exact rules a decision was made by. */
  readonly version: string;
  /** The school's divisions (部別) as its pack lists them: a student of another is not registered (PR2008). */
  readonly divisions: readonly Division[];
}

/** A pack with errors is refused: a broken pack must not go live. */
export class PackRefused extends Error {
  constructor(readonly findings: readonly Finding[]) {
    super(`the pack has errors: ${findings.map((finding) => `${finding.code} ${finding.message.en}`).join('; ')}`);
  }
}

export function loadRules(packText: string, file = 'pack.yaml'): Rules {
  const { loaded, resolution, findings } = validatePack(packText, { file });
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (!resolution || errors.length > 0) throw new PackRefused(errors);
  const hash = createHash('sha256').update(packText).digest('hex').slice(0, 12);
  const label = loaded.pack?.version ?? 'unversioned';
  return {
    engine: createEngine(resolution),
    version: `${loaded.pack?.id}@${label} sha256:${hash}`,
    divisions: divisionsOf(resolution.versions[0]?.values ?? {}),
  };
}
