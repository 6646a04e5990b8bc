// One school of the demo: generate its sample data and calendars, audit them, write the HTML report.
// Shared by the demo (scripts/demo.mjs) and the README's sample output (scripts/readme-demo.mjs).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'packages/cli/bin/portfolio-rules.js');
export const OUT = 'out/demo';
export const SCHOOLS = ['magong', 'hsinchu-vocational', 'pingrong', 'taipei-chenggong'];
// The sample's last academic year is 112 (seed 004's timetable); its second semester is submitted in
// October 2024, so the audit judges the data as of 30 November 2024, when every window has closed.
export const AS_OF = '2024-11-30';

/** Runs the CLI in `cwd`; a usage or internal failure (exit 2, a signal) stops the demo. */
export function run(args, { cwd = root, stdout = 'inherit', stderr = 'inherit' } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    stdio: ['ignore', stdout, stderr],
    encoding: 'utf8',
  });
  if (result.status === 2 || result.status === null) {
    console.error(`\nportfolio-rules ${args.join(' ')} failed (exit ${result.status})\n${result.stderr ?? ''}`);
    process.exit(1);
  }
  return result;
}

/**
 * The demo for one school, run in `cwd` (the repository by default) with the files under `cwd/out/demo`.
 * Returns what the demo prints for it: the audit command, the audit's tally lines and where the report is.
 */
export function demoSchool(id, cwd = root) {
  const pack = join(root, `schools/${id}/pack.yaml`);
  const data = `${OUT}/${id}.ndjson`;
  const calendars = `${OUT}/${id}-calendars`;
  mkdirSync(join(cwd, OUT), { recursive: true });
  const fd = openSync(join(cwd, data), 'w');
  // The calendars the data was generated on, so that the audit checks certification deadlines too.
  run(['sample', '--pack', pack, '--students', '2000', '--seed', '1', '--calendar', calendars], {
    cwd,
    stdout: fd,
    stderr: 'ignore',
  });
  closeSync(fd);
  const audit = ['audit', pack, '--data', data, '--calendar', calendars, '--as-of', AS_OF, '--lang', 'zh-TW'];
  const stylish = run(audit, { cwd, stdout: 'pipe' });
  const tally = stylish.stdout
    .trimEnd()
    .split('\n')
    .filter((line) => /^(read |✖|✔|⚠)/.test(line));
  const html = run([...audit, '--format', 'html', '--output', `${OUT}/${id}.html`], { cwd, stderr: 'pipe' });
  return [
    `▶ portfolio-rules audit schools/${id}/pack.yaml --data ${data} --calendar ${calendars} --as-of ${AS_OF}`,
    ...tally,
    ...html.stderr.trimEnd().split('\n').filter(Boolean),
  ];
}
