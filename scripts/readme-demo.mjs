// The README's sample output of the main job, generated: `node scripts/readme-demo.mjs --write`
// rewrites the block after the marker; without --write it says whether the README is up to date
// (tests/readme-demo.test.ts checks the same).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoSchool } from './demo-school.mjs';

export const MARKER = '<!-- demo output: written by `node scripts/readme-demo.mjs --write` -->';

/** The README with the demo block replaced by `lines`. */
export function withDemoBlock(readme, lines) {
  const at = readme.indexOf(MARKER);
  if (at < 0) throw new Error(`README.md has no line ${MARKER}`);
  const open = readme.indexOf('```console\n', at);
  const close = readme.indexOf('\n```', open + 11);
  return `${readme.slice(0, open)}\`\`\`console\n${lines.join('\n')}${readme.slice(close)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = new URL('../README.md', import.meta.url);
  const readme = readFileSync(file, 'utf8');
  // Run where the demo's files do not touch the repository's out/demo (a demo may be running there).
  const cwd = mkdtempSync(join(tmpdir(), 'readme-demo-'));
  const updated = withDemoBlock(readme, demoSchool('magong', cwd));
  rmSync(cwd, { recursive: true, force: true });
  if (process.argv.includes('--write')) writeFileSync(file, updated);
  else if (updated !== readme) {
    console.error('README.md: the demo output is out of date; run node scripts/readme-demo.mjs --write');
    process.exit(1);
  }
}
