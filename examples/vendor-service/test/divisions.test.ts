import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from './postgres-server';
import {
  auditExport,
  codes,
  courseOutcome,
  HSINCHU_FILE,
  post,
  REGISTRATION,
  serviceOn,
  student,
  type TestService,
} from './harness';

// 新竹高工: 日間部 and 進修部 each submit their own rosters (seed 004: 日間部、進修部各計1校), by their
// own units — 註冊組 for the day division, 進修部教務組 for continuing education (新竹 七(二)2、十一(三)1).
const CE_ACADEMIC = { id: 'u-ce-academic', roles: [], units: ['ceAcademic'] };
const ROSTER = { category: 'courseOutcome', term: '11201' };
const CE = 'continuingEducation';

let server: PostgresServer;
let dir: string;
beforeAll(async () => {
  server = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), 'vendor-service-divisions-'));
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['PGlite', 'PostgreSQL'])('one roster per division (日間部, 進修部) on %s', (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await serviceOn(kind === 'PostgreSQL' ? server.url : undefined, 'lock', 16, HSINCHU_FILE);
    await post(service.app, '/students', { id: 'd1', grade: 2, class: '201' });
    await post(service.app, '/students', { id: 'c1', grade: 2, class: '2A', division: CE });
    service.setToday('2024-01-10');
    for (const id of ['d1', 'c1'])
      expect(
        (await post(service.app, `/students/${id}/items`, { actor: student(id), item: courseOutcome() })).status,
      ).toBe(200);
  }, 60_000);
  afterAll(async () => service?.close());

  it("the day division's submission locks its own students only; 進修部 submits its own roster, by its own unit", async () => {
    const { app, db } = service;
    service.setToday('2024-09-20');
    const period = { opens: '2024-09-21', closes: '2024-09-23' };
    expect(await post(app, '/submissions', { actor: REGISTRATION, ...ROSTER, receiptPeriod: period })).toMatchObject({
      status: 200,
      body: { result: { round: 1 } },
    });
    // 日間部's roster is in: its student is locked (PR7004); 進修部's student is not, and still uploads and sends.
    expect(codes(await post(app, '/students/d1/items', { actor: student('d1'), item: courseOutcome() }))).toContain(
      'PR7004',
    );
    const upload = await post(app, '/students/c1/items', { actor: student('c1'), item: courseOutcome() });
    expect(upload.status).toBe(200);
    const sent = await post(app, `/items/${upload.body.result!.id}/certification`, {
      actor: student('c1'),
      event: { type: 'submit' },
    });
    expect(sent.status).toBe(200);
    // 進修部's roster is submitted by 進修部教務組, not 註冊組 (PR7001), as round 1 of its own rounds (no PR7002).
    const ceSubmit = { ...ROSTER, division: CE, receiptPeriod: period };
    expect(codes(await post(app, '/submissions', { actor: REGISTRATION, ...ceSubmit }))).toEqual(['PR7001']);
    expect(await post(app, '/submissions', { actor: CE_ACADEMIC, ...ceSubmit })).toMatchObject({
      status: 200,
      body: { allowed: true, result: { round: 1, division: CE } },
    });
    expect(codes(await post(app, '/students/c1/items', { actor: student('c1'), item: courseOutcome() }))).toContain(
      'PR7004',
    );
    const rows = async (sql: string) => (await db.query(sql)).rows;
    expect(await rows('select division, round, acting_as from submissions order by division')).toEqual([
      { division: CE, round: 1, acting_as: 'ceAcademic' },
      { division: 'day', round: 1, acting_as: 'registration' },
    ]);
    // Each round's receipts go to its division's students only.
    expect(await rows('select student_id, division, round from receipts order by student_id')).toEqual([
      { student_id: 'c1', division: CE, round: 1 },
      { student_id: 'd1', division: 'day', round: 1 },
    ]);
  });

  it("final submissions per division: 日間部's final leaves 進修部's roster open, and each needs its own unit", async () => {
    const { app } = service;
    service.setToday('2024-09-22');
    for (const id of ['d1', 'c1'])
      expect(
        (await post(app, `/receipts/${id}/courseOutcome/11201`, { actor: student(id), event: { type: 'confirm' } }))
          .status,
      ).toBe(200);
    service.setToday('2024-09-24');
    expect((await post(app, '/finals', { actor: REGISTRATION, ...ROSTER })).status).toBe(200);
    // After 日間部's final, its items are frozen (PR7014); 進修部's teacher still certifies (its roster is not final).
    const { rows } = await service.db.query<{ id: string; student_id: string }>(
      "select id, student_id from items where state = 'submitted' order by student_id",
    );
    expect(rows.map((row) => row.student_id)).toEqual(['c1']);
    const certified = await post(app, `/items/${rows[0]!.id}/certification`, {
      actor: { id: 't-chen', roles: ['courseTeacher'], courses: ['physics'] },
      event: { type: 'certify' },
    });
    expect(certified.status).toBe(200);
    expect(codes(await post(app, '/finals', { actor: REGISTRATION, ...ROSTER, division: CE }))).toEqual(['PR7001']);
    expect(await post(app, '/finals', { actor: CE_ACADEMIC, ...ROSTER, division: CE })).toMatchObject({
      status: 200,
      body: { result: { division: CE } },
    });
    const { rows: afterFinal } = await service.db.query<{ id: string }>(
      "select id from items where student_id = 'c1' and state = 'certified'",
    );
    const revoke = await post(app, `/items/${afterFinal[0]!.id}/certification`, {
      actor: { id: 't-chen', roles: ['courseTeacher'], courses: ['physics'] },
      event: { type: 'revoke', reason: '期末複查' },
    });
    expect(codes(revoke)).toContain('PR7014');
  });

  it('exports each roster with its division, and the audit of the export agrees with the decision log', async () => {
    const exported = (await service.app.inject({ method: 'GET', url: '/export' })).body;
    const submissions = exported
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((record) => record.type === 'submission')
      .map(({ stage, division, unit }) => ({ stage, division, unit }));
    expect(submissions).toEqual([
      { stage: 'submit', division: CE, unit: 'ceAcademic' },
      { stage: 'submit', division: undefined, unit: 'registration' }, // the day division: left out, as the engine does
      { stage: 'final', division: CE, unit: 'ceAcademic' },
      { stage: 'final', division: undefined, unit: 'registration' },
    ]);
    const errors = auditExport(dir, `${kind}.ndjson`, exported, '2024-11-30', HSINCHU_FILE).filter(
      (finding) => finding.severity === 'error',
    );
    expect(errors).toEqual([]);
  });
});
