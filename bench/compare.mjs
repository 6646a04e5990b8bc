// Two builds of core, A and B, audit the same sample file in ONE process, alternately, BENCH_ROUNDS
// times each: intake (createIntake().accept) and one createAudit per school, CPU time of each run.
// On a shared machine each phase in its own process (audit.mjs) varies by 20–30 % from run to run;
// taking turns in one process, with both builds warm, is what tells a few per cent apart.
//   BENCH_A=<packages dir> BENCH_B=<packages dir> [BENCH_PACK=<pack.yaml>] node bench/compare.mjs
// A packages dir is a frozen copy of the built packages (see BENCH_PACKAGES in README.md); B defaults
// to the work tree's. BENCH_PACK: a pack both builds read (an older build may not read today's Magong).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { machine, PACK, ROOT, sampleFile } from './_lib.mjs';

const builds = {
  A: resolve(process.env.BENCH_A ?? join(ROOT, 'packages')),
  B: resolve(process.env.BENCH_B ?? join(ROOT, 'packages')),
};
const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const file = sampleFile();
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const packFile = process.env.BENCH_PACK ?? PACK;
const pack = readFileSync(packFile, 'utf8');
const cores = {};
for (const [name, dir] of Object.entries(builds))
  cores[name] = await import(pathToFileURL(join(dir, 'core/dist/index.js')).href);

/** One audit of every line with a build's core: CPU milliseconds and the findings' count. */
function audit(core) {
  const { resolution } = core.validatePack(pack, { file: packFile });
  const before = process.cpuUsage();
  const intake = core.createIntake();
  const audits = new Map();
  for (let index = 0; index < lines.length; index++) {
    const result = intake.accept(lines[index], index + 1, { file });
    if (!result.ok) continue;
    const school = result.record.school ?? '';
    let one = audits.get(school);
    if (!one)
      audits.set(
        school,
        (one = core.createAudit(resolution, { asOf: '2025-08-01', ...(school !== '' && { school }) })),
      );
    one.add(result.record, { file, line: index + 1, column: 1, record: index + 1 });
  }
  let findings = 0;
  for (const one of audits.values()) findings += one.finish().findings.length;
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, findings };
}

const times = { A: [], B: [] };
const ratios = [];
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
  const taken = {};
  for (const name of order) {
    const { ms, findings } = audit(cores[name]);
    times[name].push(ms);
    taken[name] = { ms, findings };
  }
  if (taken.A.findings !== taken.B.findings)
    console.log(`round ${round + 1}: A found ${taken.A.findings}, B ${taken.B.findings}`);
  ratios.push(taken.B.ms / taken.A.ms);
}
const sorted = (values) => [...values].sort((x, y) => x - y);
const median = (values) => sorted(values)[Math.floor(values.length / 2)];
console.log(
  `compare — ${lines.length.toLocaleString('en-US')} lines, ${rounds} rounds each, ${JSON.stringify(machine())}`,
);
for (const name of ['A', 'B'])
  console.log(
    `${name} ${builds[name]}: min ${Math.min(...times[name]).toFixed(0)} ms, median ${median(times[name]).toFixed(0)} ms`,
  );
console.log(
  `B ÷ A: median of the rounds ${median(ratios).toFixed(3)}, mean ${(ratios.reduce((sum, value) => sum + value, 0) / rounds).toFixed(3)}, of the minimums ${(Math.min(...times.B) / Math.min(...times.A)).toFixed(3)}`,
);
