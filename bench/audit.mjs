// The audit benchmark (issue 7, Performance): on ONE sample file, in one run, each phase in its own
// process (so its peak RSS is its own), repeated BENCH_REPEAT times (best time kept, phases interleaved).
// Times are CPU time (user + system) of the phase: on a shared machine wall time measures the neighbours.
//   (a) reading the file and JSON.parse of every line, alone (the CLI's way of reading: 64 KiB chunks,
//       a streaming UTF-8 decoder, each line sliced from the decoded chunk at its \n);
//   intake: the same reading, every line through createIntake().accept (JSON.parse + validation), no audit;
//   (b) a hand-written loop doing the four core cap and selection checks on the parsed objects;
//   (c) the full audit as the CLI runs it on one thread (intake + createAudit per school);
// then the CLI `audit` command itself (its report in each of BENCH_FORMATS, default json, thrown away),
// and (c) again on the same lines shuffled (order must not matter).
// Targets: c/a ≤ 1.2; peak RSS < 256 MiB in any order.
import {
  child,
  countLines,
  mib,
  machine,
  PACK,
  perSecond,
  ratio,
  sampleFile,
  scale,
  seconds,
  shuffledFile,
  table,
} from './_lib.mjs';

const size = scale();
const file = sampleFile(size);
const repeat = Number(process.env.BENCH_REPEAT ?? (size.name === 'taipei' ? 1 : 3));
console.log(
  `audit bench — ${size.students.toLocaleString('en-US')} students in ${size.schools} schools (seed 004), ${JSON.stringify(machine())}`,
);
console.log(`file ${file}: ${(await countLines(file)).toLocaleString('en-US')} lines`);

async function best(phases, data, args = []) {
  const runs = Object.fromEntries(phases.map((phase) => [phase, []]));
  for (let round = 0; round < repeat; round++)
    for (const phase of phases) runs[phase].push(await child('audit-phase.mjs', [phase, data, PACK, ...args]));
  return Object.fromEntries(phases.map((phase) => [phase, runs[phase].reduce((a, b) => (b.ms < a.ms ? b : a))]));
}

// BENCH_FORMATS: the report formats the CLI phase writes, one run each (default json).
const formats = (process.env.BENCH_FORMATS ?? 'json').split(',');
const ordered = await best(['parse', 'intake', 'hand', 'audit', ...formats.map((format) => `cli:${format}`)], file, [
  '--threads',
  '1',
]);
const shuffled = await best(['parse', 'audit'], shuffledFile(file));
const { parse, intake, hand, audit } = ordered;
const perLine = (run) => `${((run.ms * 1000) / parse.lines).toFixed(2)} µs`;
const row = (name, run, base) => [
  name,
  seconds(run.ms),
  perSecond(run.lines ?? parse.lines, run.ms),
  mib(run.peakRssMiB),
  base ? ratio(run.ms, base.ms) : '',
  seconds(run.wallMs),
];
table([
  ['phase', 'CPU time', 'records', 'peak RSS', '÷ (a)', 'wall'],
  row('(a) read + JSON.parse', parse),
  row('    intake alone (read + createIntake().accept)', intake, parse),
  row('(b) hand-written cap checks', hand, parse),
  row('(c) full audit (intake + createAudit)', audit, parse),
  ...formats.map((format) => {
    const cli = ordered[`cli:${format}`];
    return row(`    CLI audit --threads 1 (${format})`, cli.exit === 2 ? { ...cli, ms: NaN } : cli, parse);
  }),
  row('(a) shuffled', shuffled.parse),
  row('(c) shuffled', shuffled.audit, shuffled.parse),
]);
console.log(
  '(a) reads as the CLI does: 64 KiB chunks, a streaming TextDecoder, each line sliced at its \\n from the decoded chunk, then JSON.parse',
);
console.log(`per line (CPU): (a) ${perLine(parse)}, intake ${perLine(intake)}, (c) ${perLine(audit)}`);
console.log(
  `checked ${audit.checked} + rejected ${audit.rejected}; ${audit.schools} schools; ${audit.findings} findings; hand loop: ${hand.over} caps exceeded`,
);
const peak = Math.max(audit.peakRssMiB, shuffled.audit.peakRssMiB);
console.log(
  `targets: c/a ${ratio(audit.ms, parse.ms)} (≤ 1.20× ${audit.ms / parse.ms <= 1.2 ? 'met' : 'NOT met'}); peak RSS ${mib(peak)} in file and shuffled order (< 256 MiB ${peak < 256 ? 'met' : 'NOT met'}); b/a ${ratio(hand.ms, parse.ms)}`,
);
