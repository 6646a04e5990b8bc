import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from './postgres-server';
import { auditExport, courseOutcome, post, serviceOn, student, TEACHING, teacher, type TestService } from './harness';

const AS_OF = '2024-11-30';

/** A small deterministic generator (mulberry32): the same workload on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Logged {
  action: string;
  subject: string;
  allowed: boolean;
  codes: string[];
  request: Record<string, unknown>;
  day: string;
}

/**
 * A school term through the API, with the attempts a real term sees that break a rule: uploads over
 * the cap, a colleague certifying, a rejection without a reason, selecting an uncertified item,
 * a wrong unit submitting, an upload after the submission, a final submission before the latest
 * round's period ends, a teacher revoking a certification after the final submission.
 */
async function workload(service: TestService, students: number): Promise<void> {
  const next = random(20241130);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const { app } = service;
  const ids = Array.from({ length: students }, (_, index) => `w${String(index).padStart(3, '0')}`);
  for (const id of ids) await post(app, '/students', { id, grade: 2, class: '201' });

  service.setToday('2024-01-10');
  const uploaded = new Map<string, string[]>();
  for (const id of ids) {
    const attempts = 3 + Math.floor(next() * 6); // 3–8: some over the cap of 6
    for (let index = 0; index < attempts; index++) {
      const reply = await post(app, `/students/${id}/items`, { actor: student(id), item: courseOutcome('11201') });
      if (reply.status === 200) uploaded.set(id, [...(uploaded.get(id) ?? []), reply.body.result!.id]);
    }
    if (next() < 0.5)
      await post(app, `/students/${id}/items`, {
        actor: student(id),
        item: { kind: 'diversePerformance', academicYear: 112, category: pick(['competition', 'volunteer', 'works']) },
      });
  }

  service.setToday('2024-01-22');
  for (const [id, items] of uploaded)
    for (const item of items) {
      if (next() < 0.8)
        await post(app, `/items/${item}/certification`, { actor: student(id), event: { type: 'submit' } });
      const roll = next();
      if (roll < 0.6)
        await post(app, `/items/${item}/certification`, { actor: teacher('t-chen'), event: { type: 'certify' } });
      else if (roll < 0.7)
        await post(app, `/items/${item}/certification`, {
          actor: teacher('t-chen'),
          event: { type: 'reject', reason: '檔案不符' },
        });
      else if (roll < 0.75)
        await post(app, `/items/${item}/certification`, {
          actor: teacher('t-chen'),
          event: { type: 'reject', reason: ' ' },
        });
      else if (roll < 0.8)
        await post(app, `/items/${item}/certification`, { actor: teacher('t-wang'), event: { type: 'certify' } });
    }

  service.setToday('2024-08-10');
  for (const [id, items] of uploaded)
    for (const item of items) if (next() < 0.7) await post(app, `/items/${item}/select`, { actor: student(id) });

  service.setToday('2024-09-20');
  const submission = {
    category: 'courseOutcome',
    term: '11201',
    receiptPeriod: { opens: '2024-09-21', closes: '2024-09-23' },
  };
  await post(app, '/submissions', { ...submission, actor: { id: 'u-x', roles: [], units: ['guidance'] } });
  await post(app, '/submissions', { ...submission, actor: TEACHING });
  await post(app, '/students/w000/items', { actor: student('w000'), item: courseOutcome('11201') });

  service.setToday('2024-09-22');
  for (const id of uploaded.keys()) {
    const roll = next();
    if (roll < 0.7)
      await post(app, `/receipts/${id}/courseOutcome/11201`, { actor: student(id), event: { type: 'confirm' } });
    else if (roll < 0.85)
      await post(app, `/receipts/${id}/courseOutcome/11201`, {
        actor: student(id),
        event: { type: 'dispute', text: '件數不符' },
      });
  }

  service.setToday('2024-09-24');
  await post(app, '/submissions', {
    ...submission,
    actor: TEACHING,
    correction: '依疑義更正後重新提交',
    receiptPeriod: { opens: '2024-09-25', closes: '2024-09-27' },
  });
  service.setToday('2024-09-26');
  const disputed: string[] = [];
  for (const id of uploaded.keys()) {
    if (next() < 0.1) {
      await post(app, `/receipts/${id}/courseOutcome/11201`, {
        actor: student(id),
        event: { type: 'dispute', text: '仍有誤' },
      });
      disputed.push(id);
    } else await post(app, `/receipts/${id}/courseOutcome/11201`, { actor: student(id), event: { type: 'confirm' } });
  }
  await post(app, '/finals', { actor: TEACHING, category: 'courseOutcome', term: '11201' });
  service.setToday('2024-09-27');
  for (const id of disputed)
    await post(app, `/receipts/${id}/courseOutcome/11201`, {
      actor: TEACHING,
      event: { type: 'resolve', text: '已更正' },
    });
  service.setToday('2024-09-28');
  await post(app, '/finals', { actor: TEACHING, category: 'courseOutcome', term: '11201' });
  // After the final submission nothing about the term's items changes, the teacher's acts included (PR7014).
  for (const items of [...uploaded.values()].slice(0, 5))
    await post(app, `/items/${items[0]}/certification`, {
      actor: teacher('t-chen'),
      event: { type: 'revoke', reason: '期末複查' },
    });
}

const audit = (dir: string, name: string, ndjson: string) => auditExport(dir, name, ndjson, AS_OF);

let server: PostgresServer;
let service: TestService;
let dir: string;
beforeAll(async () => {
  server = await startPostgres();
  service = await serviceOn(server.url);
  dir = mkdtempSync(join(tmpdir(), 'vendor-service-audit-'));
  await workload(service, 40);
}, 300_000);
afterAll(async () => {
  await service?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('portfolio-rules audit on the service export agrees with the decision log', () => {
  it('finds no error in what the engine allowed, and the export holds exactly what the log allowed', async () => {
    const exported = (await service.app.inject({ method: 'GET', url: '/export' })).body;
    const records = exported
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const { rows } = await service.db.query<Logged>(
      'select action, subject, allowed, codes, request, day::text from decisions order by id',
    );
    const allowed = (prefix: string) => rows.filter((row) => row.allowed && row.action.startsWith(prefix)).length;
    const refused = rows.filter((row) => !row.allowed);
    // The workload did meet the rules it was meant to meet.
    const refusedCodes = new Set(refused.flatMap((row) => row.codes));
    for (const code of ['PR3001', 'PR4002', 'PR4003', 'PR4010', 'PR7001', 'PR7004', 'PR7013', 'PR7014'])
      expect(refusedCodes, code).toContain(code);
    const count = (type: string, extra: (record: Record<string, unknown>) => boolean = () => true) =>
      records.filter((record) => record.type === type && extra(record)).length;
    expect(count('courseOutcome') + count('diversePerformance')).toBe(allowed('upload'));
    expect(count('certificationEvent')).toBe(allowed('certification.'));
    expect(count('submission', (record) => record.stage === 'submit')).toBe(allowed('submit'));
    expect(count('submission', (record) => record.stage === 'final')).toBe(allowed('final'));

    const disagreements = audit(dir, 'export.ndjson', exported).filter((finding) => finding.severity === 'error');
    expect(disagreements).toEqual([]);
  });

  it('and condemns, in data, what the engine refused: uploads over the cap (PR3001), the early final submission (PR7013, PR7012)', async () => {
    const exported = (await service.app.inject({ method: 'GET', url: '/export' })).body;
    const { rows } = await service.db.query<Logged>(
      'select action, subject, allowed, codes, request, day::text from decisions where not allowed order by id',
    );
    const overCap = rows.filter((row) => row.action === 'upload' && row.codes.includes('PR3001'));
    const early = rows.filter((row) => row.action === 'final' && row.codes.includes('PR7013'));
    expect(overCap.length).toBeGreaterThan(0);
    expect(early).toHaveLength(1);
    // Each refused request written as the record it would have made.
    const refusedLines = [
      ...overCap.map((row) => {
        const { kind, ...item } = row.request.item as Record<string, unknown>;
        return JSON.stringify({
          type: kind,
          ...item,
          id: row.subject,
          studentId: row.request.studentId,
          state: 'draft',
          uploadedOn: row.day,
        });
      }),
      ...early.map((row) =>
        JSON.stringify({
          type: 'submission',
          category: 'courseOutcome',
          term: '11201',
          stage: 'final',
          on: row.day,
          unit: 'teaching',
        }),
      ),
    ];
    const findings = audit(dir, 'with-refused.ndjson', `${exported}${refusedLines.join('\n')}\n`);
    const studentsOverCap = new Set(overCap.map((row) => row.request.studentId as string));
    expect(new Set(findings.filter((finding) => finding.code === 'PR3001').map((finding) => finding.subject))).toEqual(
      studentsOverCap,
    );
    expect(findings.filter((finding) => finding.code === 'PR7013')).toMatchObject([
      { data: { round: 2, at: early[0]!.day, earliest: '2024-09-28' } },
    ]);
    // Nothing else, and the early final is condemned with the very codes the engine refused it with
    // (PR7013, and PR7012 when round 2 still had open disputes that day).
    expect(
      findings
        .filter((finding) => finding.severity === 'error')
        .map((finding) => finding.code)
        .sort(),
    ).toEqual([...Array.from({ length: studentsOverCap.size }, () => 'PR3001'), ...early[0]!.codes].sort());
  });
});
