// The README's main job: validate every bundled pack, then for each school generate sample data
// (with a known share of violations) and audit it, writing an HTML report per school.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';

const cli = new URL('../packages/cli/bin/portfolio-rules.js', import.meta.url).pathname;
const out = 'out/demo';
const schools = ['magong', 'hsinchu-vocational', 'pingrong', 'taipei-chenggong'];
// The sample's last academic year is 112 (seed 004's timetable); its second semester is submitted in
// October 2024, so the audit judges the data as of 30 November 2024, when every window has closed.
const asOf = '2024-11-30';

function run(args, { stdout = 'inherit', quiet = false } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    stdio: ['ignore', stdout, quiet ? 'ignore' : 'inherit'],
    encoding: 'utf8',
  });
  if (result.status === 2 || result.status === null) {
    console.error(`\nportfolio-rules ${args.join(' ')} failed (exit ${result.status})`);
    process.exit(1);
  }
  return result;
}

mkdirSync(out, { recursive: true });
const packs = [
  'schools/_template/pack.yaml',
  ...schools.map((id) => `schools/${id}/pack.yaml`),
  'schools/vendor-defaults/pack.yaml',
  'packages/core/regional/taipei/pack.yaml',
];
console.log(`\n▶ portfolio-rules validate ${packs.length} packs`);
run(['validate', ...packs]);

for (const id of schools) {
  const data = `${out}/${id}.ndjson`;
  const calendars = `${out}/${id}-calendars`;
  const report = `${out}/${id}.html`;
  const fd = openSync(data, 'w');
  // The calendars the data was generated on, so that the audit checks certification deadlines too.
  run(['sample', '--pack', `schools/${id}/pack.yaml`, '--students', '2000', '--seed', '1', '--calendar', calendars], {
    stdout: fd,
    quiet: true,
  });
  closeSync(fd);
  console.log(
    `\n▶ portfolio-rules audit schools/${id}/pack.yaml --data ${data} --calendar ${calendars} --as-of ${asOf}`,
  );
  const stylish = run(
    ['audit', `schools/${id}/pack.yaml`, '--data', data, '--calendar', calendars, '--as-of', asOf, '--lang', 'zh-TW'],
    { stdout: 'pipe' },
  );
  const lines = stylish.stdout.trimEnd().split('\n');
  console.log(lines.filter((line) => /^(read |✖|✔|⚠)/.test(line)).join('\n'));
  run([
    'audit',
    `schools/${id}/pack.yaml`,
    '--data',
    data,
    '--calendar',
    calendars,
    '--as-of',
    asOf,
    '--format',
    'html',
    '--output',
    report,
  ]);
}
console.log(`\nEverything the demo wrote is in ${out}/ (sample data, HTML reports).`);
