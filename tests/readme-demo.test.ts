import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README's sample output of the main job is what the demo prints today: the script regenerates
// Magong's block (sample data, audit, report) and fails when the README shows anything else.
const root = fileURLToPath(new URL('..', import.meta.url));
const built = existsSync(`${root}packages/cli/dist/index.js`);

describe.skipIf(!built)('README: the demo output (skipped unless built)', () => {
  it('is the output of the demo run now', () => {
    const result = spawnSync(process.execPath, ['scripts/readme-demo.mjs'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
