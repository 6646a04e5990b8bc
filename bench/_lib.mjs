// Shared helpers of the benchmarks: the scale, the sample file, child-process phases, printing.
// Benchmarks run with node against the BUILT packages (`pnpm build` first); they are not tests.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The built packages benched: the work tree's, or BENCH_PACKAGES (a frozen copy of each package's dist, package.json and node_modules, so that a rebuild mid-run cannot break it). */
export const PACKAGES = resolve(process.env.BENCH_PACKAGES ?? join(ROOT, 'packages'));
export const BIN = join(PACKAGES, 'cli/bin/portfolio-rules.js');
/** The built core, imported (ESM). */
export const importCore = () => import(pathToFileURL(join(PACKAGES, 'core/dist/index.js')).href);
export const importCli = () => import(pathToFileURL(join(PACKAGES, 'cli/dist/main.js')).href);
export const PACK = join(ROOT, 'schools/magong/pack.yaml');
export const SEED = 4;

/** Seed 004's Taipei (about 100,000 students in 60 schools) with BENCH_SCALE=taipei; else BENCH_STUDENTS (default 10,000) in 6 schools. */
export function scale() {
  if (process.env.BENCH_SCALE === 'taipei') return { name: 'taipei', students: 100_000, schools: 60 };
  const students = Number(process.env.BENCH_STUDENTS ?? 10_000);
  return { name: 'small', students, schools: Math.max(2, Math.min(60, Math.round(students / 1700))) };
}

export const benchDirectory = () => process.env.BENCH_DIR ?? join(tmpdir(), 'portfolio-rules-bench');

/** The sample file for the scale: generated once by the CLI's `sample` command (seed 004) and reused. */
export function sampleFile(size = scale()) {
  const directory = benchDirectory();
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `sample-${size.students}-${size.schools}-seed${SEED}.ndjson`);
  if (existsSync(file)) return file;
  const started = performance.now();
  const args = [
    BIN,
    'sample',
    '--pack',
    PACK,
    '--students',
    String(size.students),
    '--schools',
    String(size.schools),
    '--seed',
    String(SEED),
  ];
  const result = spawnSync('bash', ['-c', `node ${args.map((arg) => `'${arg}'`).join(' ')} > '${file}.part'`], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`sample failed: ${result.stderr}`);
  renameSync(`${file}.part`, file);
  console.log(`generated ${file} in ${seconds(performance.now() - started)}`);
  return file;
}

/** The same file with its lines in a random (but fixed) order, by coreutils `shuf`. */
export function shuffledFile(file) {
  const shuffled = file.replace(/\.ndjson$/, '.shuffled.ndjson');
  if (existsSync(shuffled)) return shuffled;
  const result = spawnSync('bash', ['-c', `shuf --random-source=<(yes ${SEED}) '${file}' > '${shuffled}.part'`], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('shuf failed');
  renameSync(`${shuffled}.part`, shuffled);
  return shuffled;
}

/** Counts the lines of a file. */
export async function countLines(file) {
  let lines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }))
    for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) lines++;
  return lines;
}

/** Runs a script in a fresh node process; it prints one JSON line with its figures (and its own peak RSS). */
export function child(script, args, options = {}) {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, 'bench', script), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.on('error', fail);
    proc.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) fail(new Error(`${script} ${args.join(' ')} exited ${code}: ${out}`));
      else done(JSON.parse(last));
    });
  });
}

/** What a child reports at the end: its peak resident memory (ru_maxrss) in MiB. */
export const peakRssMiB = () => process.resourceUsage().maxRSS / 1024;

/** CPU milliseconds (user + system) a function takes: steadier than wall time on a shared machine. */
export function cpuMs(fn) {
  const before = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, result };
}

export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
export const perSecond = (count, ms) => `${Math.round(count / (ms / 1000)).toLocaleString('en-US')}/s`;
export const mib = (value) => `${value.toFixed(0)} MiB`;
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

export function machine() {
  return {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? '?',
    node: process.version,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  };
}

/** Prints a table of rows (arrays of cells), left-aligned. */
export function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => String(cell).padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    );
}
