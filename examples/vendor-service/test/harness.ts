import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '@portfolio-rules/core';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../src/app';
import { type Database, openDatabase, type Strategy } from '../src/db';
import type { DecisionReply } from '../src/decisions';
import { loadRules } from '../src/rules';

export const MAGONG_FILE = fileURLToPath(new URL('../../../schools/magong/pack.yaml', import.meta.url));
export const MAGONG = readFileSync(MAGONG_FILE, 'utf8');
/** 新竹高工: a day and a continuing-education division (進修部), each with its own submitting units. */
export const HSINCHU_FILE = fileURLToPath(new URL('../../../schools/hsinchu-vocational/pack.yaml', import.meta.url));

export interface TestService {
  readonly app: FastifyInstance;
  readonly db: Database;
  /** Moves the service's clock to a day. */
  setToday(day: string): void;
  close(): Promise<void>;
}

/** The service on PostgreSQL at `url`, or on PGlite without one, with a clock the test moves; Magong's pack unless another is named. */
export async function serviceOn(
  url: string | undefined,
  strategy: Strategy = 'lock',
  poolSize = 16,
  packFile = MAGONG_FILE,
): Promise<TestService> {
  const db = await openDatabase({ ...(url && { url }), strategy, poolSize });
  let today = '2024-01-10';
  const pack = packFile === MAGONG_FILE ? MAGONG : readFileSync(packFile, 'utf8');
  const app = buildApp({ db, rules: loadRules(pack, packFile), today: () => today });
  await app.ready();
  return {
    app,
    db,
    setToday: (day) => void (today = day),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export const student = (id: string) => ({ id, roles: ['student'], studentId: id });
export const teacher = (id: string) => ({ id, roles: ['courseTeacher'], courses: ['physics'] });
export const TEACHING = { id: 'u-teaching', roles: [], units: ['teaching'] };
export const DISCIPLINE = { id: 'u-discipline', roles: [], units: ['discipline'] };
export const REGISTRATION = { id: 'u-registration', roles: [], units: ['registration'] };

/** A decision as the API answers it; `result` is what an allowed action made (an item, with its id). */
export type Reply = DecisionReply & { readonly result?: { readonly id: string } };

/** The codes of a decision's findings, in order. */
export const codes = (reply: { body: Reply }) => reply.body.findings.map((finding) => finding.code);

/** POSTs JSON to the app in-process and gives the status and the parsed body (a decision). */
export async function post(app: FastifyInstance, url: string, payload: object) {
  const response = await app.inject({ method: 'POST', url, payload });
  return { status: response.statusCode, body: response.json<Reply>() };
}

export const courseOutcome = (term = '11201', extra: object = {}) => ({
  kind: 'courseOutcome',
  term,
  course: 'physics',
  certifier: 't-chen',
  summary: '單擺週期與擺長關係之實驗報告',
  files: [{ name: 'report.pdf', type: 'pdf', megabytes: 1.5 }],
  ...extra,
});

const CLI = fileURLToPath(new URL('../node_modules/.bin/portfolio-rules', import.meta.url));

/**
 * `portfolio-rules audit` (the published CLI) of an export, written to `dir/name`, as of a day: its
 * findings, but the pack's own (schema notes, duties) — every exported line must be a valid record.
 */
export function auditExport(
  dir: string,
  name: string,
  ndjson: string,
  asOf: string,
  packFile = MAGONG_FILE,
): Finding[] {
  const file = join(dir, name);
  writeFileSync(file, ndjson);
  const result = spawnSync(CLI, ['audit', packFile, '--data', file, '--as-of', asOf, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  const report = JSON.parse(result.stdout) as { audit: { findings: Finding[]; intake: { rejected: number } } };
  expect(report.audit.intake.rejected, 'every exported line is a valid record').toBe(0);
  return report.audit.findings.filter(
    (finding) => finding.rule !== 'pack.schema' && !finding.subject.startsWith('duties'),
  );
}
