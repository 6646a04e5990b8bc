// The long fuzz run (issue 12 §7): every target of bench/fuzz at FUZZ_RUNS cases (default 100,000),
// in chunks of FUZZ_CHUNK cases (default 10,000), each chunk with its own seed (FUZZ_SEED + chunk
// number), so that a run stopped early still has its figures; FUZZ_JOBS target files at a time
// (default 2). Then a table of the figures for bench/README.md.
//
//   node bench/fuzz/run.mjs                      # every target, 100,000 cases each
//   FUZZ_RUNS=20000 node bench/fuzz/run.mjs pack # one target file (pack.fuzz.test.ts)
//   node bench/fuzz/run.mjs pack=80000 cli=5000  # cases per target file
//   node bench/fuzz/run.mjs --table              # the table of the figures so far
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const root = new URL('../../', import.meta.url).pathname;
const report = `${root}.tmp/fuzz/report`;
const totals = `${root}.tmp/fuzz/totals`;
const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const chunk = Number(process.env.FUZZ_CHUNK ?? 10_000);
const jobs = Number(process.env.FUZZ_JOBS ?? 2);
const seed = Number(process.env.FUZZ_SEED ?? 20261207);
const args = process.argv.slice(2);
/** The target files asked for, each with its cases (`pack=80000`, or `pack` for FUZZ_RUNS). */
const only = new Map(
  args
    .filter((arg) => !arg.startsWith('--'))
    .map((arg) => {
      const [name, cases] = arg.split('=');
      return [name, cases === undefined ? runs : Number(cases)];
    }),
);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.fuzz.test.ts'))
  .filter((name) => only.size === 0 || only.has(name.replace('.fuzz.test.ts', '')));
const casesOf = (file) => only.get(file.replace('.fuzz.test.ts', '')) ?? runs;

const format = (number) => number.toLocaleString('en-US');
const read = (folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(`${folder}/${name}`, 'utf8')));

/** Adds a chunk's figures (one file per target of the test file) to the running totals. */
function add(folder) {
  for (const figures of read(folder)) {
    const path = `${totals}/${figures.target}.json`;
    let total;
    try {
      total = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      total = {
        target: figures.target,
        cases: 0,
        seeds: [],
        seconds: 0,
        slowestMs: 0,
        slowestWallMs: 0,
        outcomes: {},
        load: [],
      };
    }
    total.cases += figures.cases;
    total.seeds.push(figures.seed);
    total.seconds += figures.seconds;
    total.slowestMs = Math.max(total.slowestMs, figures.slowestMs);
    total.slowestWallMs = Math.max(total.slowestWallMs ?? 0, figures.slowestWallMs ?? 0);
    for (const [outcome, count] of Object.entries(figures.outcomes))
      total.outcomes[outcome] = (total.outcomes[outcome] ?? 0) + count;
    total.load.push(Math.round(loadavg()[0] * 10) / 10);
    writeFileSync(path, `${JSON.stringify(total, null, 2)}\n`);
  }
}

function table() {
  console.log(
    `\nnode ${process.version}; load average while running (1 min, at each chunk's end) in the last column\n`,
  );
  console.log(
    '| target | cases | seeds | time (wall) | cases/s | slowest case (CPU; wall) | load | outcomes (codes and paths reached) |',
  );
  console.log('| --- | ---: | --- | ---: | ---: | ---: | --- | --- |');
  for (const { target, cases, seeds, seconds, slowestMs, slowestWallMs, outcomes, load } of read(totals)) {
    const reached = Object.entries(outcomes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([outcome, count]) => `${outcome} ${format(count)}`)
      .join(', ');
    const range = `${Math.min(...seeds)}–${Math.max(...seeds)}`;
    console.log(
      `| ${target} | ${format(cases)} | ${range} | ${format(Math.round(seconds))} s | ${format(Math.round(cases / seconds))} | ${format(slowestMs)} ms; ${format(slowestWallMs ?? 0)} ms | ${Math.min(...load)}–${Math.max(...load)} | ${reached} |`,
    );
  }
}

if (args.includes('--table')) {
  table();
  process.exit(0);
}

rmSync(totals, { recursive: true, force: true });
mkdirSync(totals, { recursive: true });
const runChunk = (file, index) =>
  new Promise((resolve) => {
    const folder = `${report}/${file}-${index}`;
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const child = spawn(
      `${root}node_modules/.bin/vitest`,
      ['run', `bench/fuzz/${file}`, '--testTimeout=0', '--reporter=dot'],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          FUZZ_RUNS: String(Math.min(chunk, casesOf(file))),
          FUZZ_SEED: String(seed + index),
          FUZZ_REPORT: folder,
        },
      },
    );
    child.on('exit', (code) => {
      add(folder);
      resolve(code === 0);
    });
  });

let failed = 0;
const queue = files.flatMap((file) =>
  Array.from({ length: Math.ceil(casesOf(file) / chunk) }, (_, index) => [file, index]),
);
// Each worker takes one target file's chunks in turn, so targets finish one after the other.
const byFile = files.map((file) => queue.filter(([name]) => name === file));
await Promise.all(
  Array.from({ length: jobs }, async (_, worker) => {
    for (let index = worker; index < byFile.length; index += jobs)
      for (const [file, number] of byFile[index]) if (!(await runChunk(file, number))) failed++;
  }),
);
table();
console.log(failed === 0 ? '\nno chunk failed' : `\n${failed} chunk(s) failed: see above`);
process.exit(failed === 0 ? 0 : 1);
