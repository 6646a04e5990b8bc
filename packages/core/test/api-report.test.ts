import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiReport } from './api-report';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

describe('the public API of @portfolio-rules/core (api-report.md)', () => {
  const report = apiReport(
    entry,
    'API report: @portfolio-rules/core\n\nEvery name `src/index.ts` exports, with its signature, and the data of every finding code. Written by `packages/core/test/api-report.test.ts`: a change to the public API shows here in review (update with `vitest run packages/core/test/api-report.test.ts -u`; see docs/semver.md). `@portfolio-rules/core/internal` is not covered.',
  );

  it('is the committed report', async () => {
    await expect(report).toMatchFileSnapshot('../api-report.md');
  }, 60_000);
});
