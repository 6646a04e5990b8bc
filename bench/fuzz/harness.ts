// The fuzz harness (issue 12 §7): each target is a fast-check property over generated hostile input,
// run FUZZ_RUNS times (2,000 in the test command; `pnpm fuzz` runs 100,000), with invariants every
// target shares: no uncaught exception, every case within a time bound, the built-in prototypes
// unchanged, and every finding a catalogued code with a message in both languages.
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { CATALOGUE } from '../../packages/core/src/catalogue';
import { CLI_CODES } from '../../packages/cli/src/codes';

/** Cases per target: FUZZ_RUNS, else 2,000 (the test command's share). */
export const FUZZ_RUNS = positive(process.env.FUZZ_RUNS) ?? 2_000;
/** The seed: FUZZ_SEED, else a fixed one, so the test command always runs the same cases. */
export const FUZZ_SEED = Number.isInteger(Number(process.env.FUZZ_SEED)) ? Number(process.env.FUZZ_SEED) : 20261207;
/**
 * The most CPU time one case may take (ms), FUZZ_CASE_MS: CPU time, not wall time, so that a case
 * starved by other work on a shared machine (or by `nice -n 19`) is not taken for a slow one.
 */
export const CASE_BOUND_MS = positive(process.env.FUZZ_CASE_MS) ?? 10_000;
/** The most wall time one case may take (ms), FUZZ_CASE_WALL_MS (default ten times the CPU bound): a case that waits forever. */
export const CASE_WALL_MS = positive(process.env.FUZZ_CASE_WALL_MS) ?? CASE_BOUND_MS * 10;
/** vitest's time for one target: the cases at up to 50 ms each on a loaded machine, and a minute more; a day under `pnpm fuzz`. */
export const TARGET_TIMEOUT_MS = process.env.FUZZ_REPORT ? 86_400_000 : 60_000 + FUZZ_RUNS * 50;

function positive(text: string | undefined): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

const CODES = new Set<string>([...Object.keys(CATALOGUE), ...Object.values(CLI_CODES).map((spec) => spec.code)]);

/** What a target's run found, written to `.tmp/fuzz/<target>.json` for the `pnpm fuzz` table. */
export interface FuzzFigures {
  readonly target: string;
  readonly cases: number;
  readonly seed: number;
  readonly seconds: number;
  /** The CPU time of the slowest case. */
  readonly slowestMs: number;
  /** The wall time of the slowest case by wall time. */
  readonly slowestWallMs: number;
  /** How often each outcome (a finding code, `accepted`, an exit code …) came out: the inputs reached the code that answers them. */
  readonly outcomes: Readonly<Record<string, number>>;
}

export interface Tally {
  /** Counts an outcome of the case (a code, `ok`, `exit 1` …). */
  (outcome: string): void;
}

const BUILT_INS = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];

/** The own properties of the built-in prototypes, so a case that adds, removes or replaces one is caught. */
function prototypeShape(): string {
  return BUILT_INS.map((proto) =>
    Reflect.ownKeys(proto)
      .map((key) => {
        const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
        return `${String(key)}:${typeof descriptor.value}:${typeof descriptor.get}`;
      })
      .join(','),
  ).join('|');
}

/**
 * Runs one target: `check` gets each generated input and a tally, and states the target's own
 * invariants with `expect`; the harness adds the shared ones. Prints the figures and, under `pnpm
 * fuzz` (FUZZ_REPORT set), writes them for the table in bench/README.md.
 */
export async function fuzz<T>(
  target: string,
  arbitrary: fc.Arbitrary<T>,
  check: (input: T, tally: Tally, index: number) => void | Promise<void>,
): Promise<FuzzFigures> {
  const outcomes: Record<string, number> = {};
  const tally: Tally = (outcome) => void (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
  const shape = prototypeShape();
  let slowest = 0;
  let slowestWall = 0;
  let slowestInput: unknown;
  let cases = 0;
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      await check(input, tally, cases);
      const { user, system } = process.cpuUsage(cpuStart);
      const elapsed = (user + system) / 1000;
      const wall = performance.now() - start;
      if (elapsed > slowest) {
        slowest = elapsed;
        slowestInput = input;
      }
      slowestWall = Math.max(slowestWall, wall);
      cases++;
      expect(prototypeShape(), 'a built-in prototype changed').toBe(shape);
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(elapsed, 'one case took more CPU time than the bound').toBeLessThan(CASE_BOUND_MS);
      expect(wall, 'one case took longer than the wall-time bound').toBeLessThan(CASE_WALL_MS);
    }),
    { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, reporter: (details) => report(target, details) },
  );
  const figures: FuzzFigures = {
    target,
    cases,
    seed: FUZZ_SEED,
    seconds: Math.round(performance.now() - started) / 1000,
    slowestMs: Math.round(slowest),
    slowestWallMs: Math.round(slowestWall),
    outcomes: Object.fromEntries(Object.entries(outcomes).sort(([a], [b]) => a.localeCompare(b))),
  };
  console.log(
    `fuzz ${target}: ${cases} cases in ${figures.seconds} s (slowest ${figures.slowestMs} ms of CPU, ${figures.slowestWallMs} ms of wall time)`,
  );
  if (process.env.FUZZ_SLOWEST) console.log(`slowest input: ${preview(JSON.stringify(slowestInput) ?? '', 3_000)}`);
  if (process.env.FUZZ_REPORT) {
    mkdirSync(process.env.FUZZ_REPORT, { recursive: true });
    writeFileSync(`${process.env.FUZZ_REPORT}/${target}.json`, `${JSON.stringify(figures, null, 2)}\n`);
  }
  return figures;
}

const preview = (text: string, width = 600) =>
  text.length > width ? `${text.slice(0, width)}… (${text.length} characters)` : text;

/**
 * A failure in a few lines (a counterexample can be megabytes): the target, the seed and path to
 * replay it, the error, and the input cut short; the whole input goes to `.tmp/fuzz/failures/`.
 */
function report<T>(target: string, details: fc.RunDetails<[T]>): void {
  if (!details.failed) return;
  // Bytes (a file as written) are shown as the text they decode to.
  const input = JSON.stringify(details.counterexample?.[0], (_, value: unknown) =>
    value instanceof Uint8Array ? new TextDecoder().decode(value) : value,
  );
  const file = `.tmp/fuzz/failures/${target}-${details.seed}.json`;
  mkdirSync('.tmp/fuzz/failures', { recursive: true });
  writeFileSync(file, `${input}\n`);
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    [
      `fuzz ${target} failed after ${details.numRuns} cases (seed ${details.seed}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times)`,
      `replay: FUZZ_SEED=${details.seed} and fc's path; the input is in ${file}`,
      `input: ${preview(input ?? 'undefined')}`,
      `error: ${preview(error, 2_000)}`,
    ].join('\n'),
  );
}

/** Whether a case repeats its run to check it gets the same answer: one case in four, as it doubles the case's cost. */
export const repeats = (index: number): boolean => index % 4 === 0;

/** A message that came out of a template with a hole in it. */
const BROKEN_MESSAGE = /\bundefined\b|\[object Object\]|\$\{/;

export interface FindingLike {
  readonly code: string;
  readonly severity: string;
  readonly message: { readonly 'zh-TW': string; readonly en: string };
  readonly position?: { readonly line?: number; readonly column?: number };
}

/**
 * A finding as every output promises it: a catalogued code, a known severity, a message in both
 * languages with no hole in it (`undefined`, `[object Object]`, unless the input wrote it), of bounded
 * length (echoed values are cut to 200 characters), pointing inside the input when it has a line.
 */
export function expectWellFormedFinding(finding: FindingLike, input = '', lines?: number): void {
  expect(CODES.has(finding.code), `uncatalogued code ${finding.code}`).toBe(true);
  expect(['error', 'warning', 'info']).toContain(finding.severity);
  for (const language of ['zh-TW', 'en'] as const) {
    const message = finding.message[language];
    expect(typeof message, `${finding.code} ${language}`).toBe('string');
    expect(message.length, `${finding.code} has no ${language} message`).toBeGreaterThan(0);
    const hole = BROKEN_MESSAGE.exec(message)?.[0];
    if (hole !== undefined && !input.includes(hole))
      expect.fail(`${finding.code} ${language} has a hole (${hole}): ${message.slice(0, 300)}`);
    if (finding.code !== 'PR8003')
      expect(message.length, `${finding.code} ${language} is unbounded`).toBeLessThan(4_000);
  }
  if (lines !== undefined && finding.position?.line !== undefined) {
    expect(finding.position.line, `${finding.code} points past the end`).toBeGreaterThanOrEqual(1);
    expect(finding.position.line, `${finding.code} points past the end`).toBeLessThanOrEqual(lines + 1);
    expect(finding.position.column ?? 1).toBeGreaterThanOrEqual(1);
  }
}

/** Every object in a value has a plain prototype and no own `__proto__`, `constructor` or `prototype` key. */
export function expectNoPrototypeKeys(value: unknown, path = '$'): void {
  if (value === null || typeof value !== 'object') return;
  const proto: unknown = Object.getPrototypeOf(value);
  expect([Object.prototype, Array.prototype, null], `${path} has a strange prototype`).toContain(proto);
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string') continue;
    expect(['__proto__', 'constructor', 'prototype'], `${path} has a key ${key}`).not.toContain(key);
    expectNoPrototypeKeys((value as Record<string, unknown>)[key], `${path}.${key}`);
  }
}

/** The number of lines of a text, as positions count them. */
export const lineCount = (text: string): number => text.split(/\r\n|\n|\r/).length;
