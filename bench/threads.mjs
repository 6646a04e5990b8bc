// Several schools on 1 vs 2 worker threads (target ≥ 1.8× on two): the CLI's `audit --format json`
// on the sample file (6 schools by default, 60 at Taipei scale), `--threads 1` against `--threads auto`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { child, machine, mib, PACK, PACKAGES, ratio, sampleFile, scale, seconds } from './_lib.mjs';

const size = scale();
const file = sampleFile(size);
const repeat = Number(process.env.BENCH_REPEAT ?? (size.name === 'taipei' ? 1 : 3));
console.log(
  `threads bench — ${size.students.toLocaleString('en-US')} students in ${size.schools} schools, ${JSON.stringify(machine())}`,
);
if (!existsSync(join(PACKAGES, 'cli/dist/audit-worker.js')))
  console.log('note: packages/cli/dist/audit-worker.js is missing: the CLI cannot shard and both runs use one thread');
const runs = { 1: [], auto: [] };
for (let round = 0; round < repeat; round++)
  for (const threads of ['1', 'auto'])
    runs[threads].push(await child('audit-phase.mjs', ['cli', file, PACK, '--threads', threads]));
// Wall time here: the point of threads is to finish sooner while using more CPU.
const best = (list) => list.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
const one = best(runs[1]);
const two = best(runs.auto);
console.log(
  `--threads 1:    ${seconds(one.wallMs)} wall, ${seconds(one.ms)} CPU, peak RSS ${mib(one.peakRssMiB)} (exit ${one.exit})`,
);
console.log(
  `--threads auto: ${seconds(two.wallMs)} wall, ${seconds(two.ms)} CPU (all threads), peak RSS ${mib(two.peakRssMiB)} (exit ${two.exit}; 2 workers when ≥ 2 CPUs, ≥ 2 schools and ≥ 256 MiB)`,
);
console.log(
  `speed-up ${ratio(one.wallMs, two.wallMs)}; target ≥ 1.8× ${one.wallMs / two.wallMs >= 1.8 ? 'met' : 'NOT met'}`,
);
