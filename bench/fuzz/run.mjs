// The long fuzz run (issue 12 §7): every target of bench/fuzz at FUZZ_RUNS cases (default 100,000),
// one target file at a time, then a table of the figures for bench/README.md.
//
//   node bench/fuzz/run.mjs                      # every target, 100,000 cases each
//   FUZZ_RUNS=20000 node bench/fuzz/run.mjs pack # one target file (pack.fuzz.test.ts)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';

const root = new URL('../../', import.meta.url).pathname;
const report = `${root}.tmp/fuzz/report`;
const runs = process.env.FUZZ_RUNS ?? '100000';
const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.fuzz.test.ts'))
  .filter((name) => only.length === 0 || only.includes(name.replace('.fuzz.test.ts', '')));

rmSync(report, { recursive: true, force: true });
mkdirSync(report, { recursive: true });
const load = [];
let failed = 0;
for (const file of files) {
  load.push(loadavg()[0]);
  const result = spawnSync(
    `${root}node_modules/.bin/vitest`,
    ['run', `bench/fuzz/${file}`, '--testTimeout=0', '--reporter=dot'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs, FUZZ_REPORT: report } },
  );
  if (result.status !== 0) failed++;
}
load.push(loadavg()[0]);

const figures = readdirSync(report)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(`${report}/${name}`, 'utf8')));
const format = (number) => number.toLocaleString('en-US');
console.log(`\nnode ${process.version}, seed ${figures[0]?.seed}, load ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}\n`);
console.log('| target | cases | time | cases/s | slowest case | outcomes (codes and paths reached) |');
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
for (const { target, cases, seconds, slowestMs, outcomes } of figures) {
  const reached = Object.entries(outcomes)
    .map(([outcome, count]) => `${outcome} ${format(count)}`)
    .join(', ');
  console.log(
    `| ${target} | ${format(cases)} | ${seconds.toFixed(0)} s | ${format(Math.round(cases / seconds))} | ${format(slowestMs)} ms | ${reached} |`,
  );
}
console.log(failed === 0 ? '\nno target failed' : `\n${failed} target file(s) failed: see above`);
process.exit(failed === 0 ? 0 : 1);
