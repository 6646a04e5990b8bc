import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../../../docs/markdown-blocks';
import { formatJunit } from '../src/formatters/junit';
import { formatSarif } from '../src/formatters/sarif';
import { AUDIT, PACK_ONLY_AUDIT } from './fixtures/audit-result';

// The examples of docs/reference/report-formats.md are the formatters' output for the test fixture.
const page = readFileSync(new URL('../../../docs/reference/report-formats.md', import.meta.url), 'utf8');
const example = (name: string) => {
  const block = codeBlocks(page).find((candidate) => candidate.comments.includes(`report-example: ${name}`));
  expect(block, `the page has no block marked <!-- report-example: ${name} -->`).toBeDefined();
  return block!.text;
};

describe('docs/reference/report-formats.md', () => {
  it('shows a SARIF result exactly as formatSarif writes it', () => {
    const log = JSON.parse(formatSarif({ audits: [AUDIT] }, { lang: 'en' })) as { runs: { results: unknown[] }[] };
    expect(JSON.parse(example('sarif-result'))).toEqual(log.runs[0]!.results[1]);
  });

  it('shows JUnit XML exactly as formatJunit writes it', () => {
    expect(example('junit-pack-only')).toBe(formatJunit({ audits: [PACK_ONLY_AUDIT] }, { lang: 'en' }));
  });

  it('names every --format of the audit and each SARIF level', () => {
    for (const format of ['sarif', 'junit', 'html']) expect(page).toContain(`--format ${format}`);
    for (const level of ['`error`', '`warning`', '`note` for info']) expect(page).toContain(level);
  });
});
