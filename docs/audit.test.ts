import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AuditResult } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from './markdown-blocks';

const PAGE = readFileSync(new URL('./reference/audit.md', import.meta.url), 'utf8');

describe('docs/reference/audit.md', () => {
  it('the code example runs and finds what its comment says', async () => {
    const block = codeBlocks(PAGE).find((candidate) =>
      candidate.comments.some((comment) => comment.startsWith('audit-example')),
    );
    expect(block?.language).toBe('ts');
    const folder = fileURLToPath(new URL('../.tmp/', import.meta.url));
    mkdirSync(folder, { recursive: true });
    const file = `${folder}audit-example.ts`;
    writeFileSync(file, block!.text);
    const { result } = (await import(/* @vite-ignore */ file)) as { result: AuditResult };
    expect(result.findings.map((finding) => [finding.code, finding.subject])).toEqual([
      ['PR3001', 's1'],
      ['PR7801', 'calendar'],
    ]);
    expect(result.statistics?.school).toMatchObject({ students: 1, uploaders: 1, courseOutcomes: 3 });
  });
});
