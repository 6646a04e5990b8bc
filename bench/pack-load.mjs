// Loading, validating and merging a school pack (target < 20 ms): validatePack on each bundled
// school pack (Taipei-Chenggong extends the Taipei regional overlay), against parsing its YAML alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cpuMs, importCore, machine, ratio, ROOT } from './_lib.mjs';

const { validatePack } = await importCore();

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const PACKS = ['magong', 'hsinchu-vocational', 'pingrong', 'taipei-chenggong'];

/** Median CPU milliseconds of a function over the rounds (after as many warm-up rounds). */
function median(fn) {
  for (let round = 0; round < ROUNDS; round++) fn();
  const times = [];
  for (let round = 0; round < ROUNDS; round++) times.push(cpuMs(fn).ms);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

console.log(`pack-load bench — median CPU time of ${ROUNDS} rounds, ${JSON.stringify(machine())}`);
let worst = 0;
for (const name of PACKS) {
  const file = join(ROOT, 'schools', name, 'pack.yaml');
  const text = readFileSync(file, 'utf8');
  const errors = validatePack(text, { file }).findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) console.log(`note: ${name} has ${errors.length} errors (${errors[0].code})`);
  const first = cpuMs(() => validatePack(text, { file })).ms;
  const full = median(() => validatePack(text, { file }));
  const yaml = median(() => parse(text));
  worst = Math.max(worst, full);
  console.log(
    `${name.padEnd(20)} load + validate + merge ${full.toFixed(2)} ms; YAML parse alone ${yaml.toFixed(2)} ms; ratio ${ratio(full, yaml)}; first (cold) ${first.toFixed(1)} ms`,
  );
}
console.log(`target < 20 ms: ${worst < 20 ? 'met' : 'NOT met'} (slowest ${worst.toFixed(2)} ms)`);
