import type { Finding } from '../catalogue';

/**
 * What `createEngine` throws for a pack whose findings hold errors: a broken pack never goes live.
 * It carries every finding of the pack, to show the school where to fix it.
 */
export class PackError extends Error {
  override readonly name = 'PackError';
  readonly findings: readonly Finding[];

  constructor(findings: readonly Finding[]) {
    const errors = findings.filter((finding) => finding.severity === 'error');
    const listed = errors.slice(0, 3).map((finding) => `${finding.code} ${finding.subject}`.trimEnd());
    const which = `${listed.join(', ')}${errors.length > listed.length ? ', …' : ''}`;
    super(
      `規定檔有 ${errors.length} 個錯誤 (${which})，請先修正再建立引擎 / ` +
        `the pack has ${errors.length} error${errors.length === 1 ? '' : 's'} (${which}): fix them before building an engine`,
    );
    this.findings = findings;
  }
}
