// The one test command (README, .ci/run): typecheck, lint, format check, unit and scenario tests (the
// pack JSON Schema's up-to-date check is one of them), then a closing tally line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const run = (label, command, args, cwd) => {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd });
  return result.status === 0;
};

// Build first: the packaging and binary tests read dist, and core's build checks its portable types.
const checks = [
  ['build core', bin('tsup'), ['--silent'], 'packages/core'],
  ['build cli', bin('tsup'), ['--silent'], 'packages/cli'],
  ['build packs', bin('tsup'), ['--silent'], 'packages/packs'],
  ['build playground', bin('tsup'), ['--silent'], 'packages/playground'],
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  // The playground's page code runs in the browser: checked against the DOM's types, not Node's.
  ['typecheck playground', bin('tsc'), ['-p', 'packages/playground/tsconfig.json', '--noEmit']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['format', bin('prettier'), ['--check', '--log-level=warn', '.']],
];
let failed = 0;
for (const [label, command, args, cwd] of checks) if (!run(label, command, args, cwd)) failed++;

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
run('unit and scenario tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);

let passed = 0;
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed +=
    results.numFailedTests +
    (results.numTotalTestSuites > 0 && results.success === false && results.numFailedTests === 0 ? 1 : 0);
} catch {
  console.error('the test run wrote no report: counting it as one failure');
  failed++;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
