import { parseRecord } from '@portfolio-rules/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from './postgres-server';
import {
  codes,
  courseOutcome,
  post,
  REGISTRATION,
  serviceOn,
  student,
  TEACHING,
  teacher,
  type TestService,
} from './harness';

let server: PostgresServer;
beforeAll(async () => void (server = await startPostgres()), 60_000);
afterAll(async () => server?.stop());

/** The same walk on both databases: the embedded default and a real server. */
describe.each(['PGlite', 'PostgreSQL'])('the reference service on %s', (kind) => {
  let service: TestService;
  beforeAll(async () => void (service = await serviceOn(kind === 'PostgreSQL' ? server.url : undefined)), 60_000);
  afterAll(async () => service?.close());

  it('uploads within the cap (馬公 五(三)1: 6 a semester), refuses the 7th with PR3001, and logs every decision', async () => {
    const { app, db } = service;
    await post(app, '/students', { id: 's1', grade: 2, class: '201' });
    const ids: string[] = [];
    for (let index = 0; index < 6; index++) {
      const { status, body } = await post(app, '/students/s1/items', { actor: student('s1'), item: courseOutcome() });
      expect(status).toBe(200);
      ids.push(body.result!.id);
    }
    const refused = await post(app, '/students/s1/items', { actor: student('s1'), item: courseOutcome() });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ allowed: false, findings: [{ code: 'PR3001', data: { max: 6 } }] });
    const { rows } = await db.query<{ action: string; allowed: boolean; codes: string[]; pack_version: string }>(
      'select action, allowed, codes, pack_version from decisions order by id',
    );
    expect(rows.filter((row) => row.allowed)).toHaveLength(6);
    expect(rows.at(-1)).toMatchObject({ action: 'upload', allowed: false, codes: ['PR3001'] });
    expect(rows[0]!.pack_version).toMatch(/^magong@111 sha256:[0-9a-f]{12}$/);
    expect((await db.query('select count(*)::int as n from items')).rows[0]).toEqual({ n: 6 });
    expect((await post(app, '/students/s1/items', { actor: student('s2'), item: courseOutcome() })).status).toBe(403);
    expect((await post(app, '/students/s9/items', { actor: student('s9'), item: courseOutcome() })).status).toBe(404);
    expect(
      (await post(app, '/students/s1/items', { actor: student('s1'), item: { kind: 'courseOutcome' } })).status,
    ).toBe(400);
  });

  it('certifies (送審 → 認證成功), refuses a colleague (PR4002), selects certified items only (PR4010)', async () => {
    const { app, db } = service;
    const { rows } = await db.query<{ id: string }>("select id from items where student_id = 's1' order by id");
    const [first, second] = rows.map((row) => row.id);
    service.setToday('2024-01-22');
    expect(
      (await post(app, `/items/${first}/certification`, { actor: student('s1'), event: { type: 'submit' } })).status,
    ).toBe(200);
    const colleague = await post(app, `/items/${first}/certification`, {
      actor: teacher('t-wang'),
      event: { type: 'certify' },
    });
    expect(colleague.body.findings.map((finding) => finding.code)).toContain('PR4002');
    const away = await post(app, `/items/${first}/certification`, {
      actor: teacher('t-chen'),
      event: { type: 'certify' },
      unavailable: ['t-chen'],
    });
    expect(away).toMatchObject({ status: 422, body: { findings: [{ code: 'PR4002' }] } }); // away: no deputy of his applies
    const certified = await post(app, `/items/${first}/certification`, {
      actor: teacher('t-chen'),
      event: { type: 'certify' },
    });
    expect(certified).toMatchObject({
      status: 200,
      body: { result: { state: 'certified', certifiedOn: '2024-01-22' } },
    });
    service.setToday('2024-08-10');
    expect((await post(app, `/items/${second}/select`, { actor: student('s1') })).body.findings[0]?.code).toBe(
      'PR4010',
    );
    expect((await post(app, `/items/${first}/select`, { actor: student('s1') })).status).toBe(200);
    const events = await db.query('select type, actor, on_day from certification_events order by id');
    expect(events.rows).toEqual([
      { type: 'submitted', actor: 's1', on_day: '2024-01-22' },
      { type: 'certified', actor: 't-chen', on_day: '2024-01-22' },
    ]);
  });

  it('submits the roster, locks the student side (PR7004), and takes a correction as round 2 with new receipts', async () => {
    const { app, db } = service;
    service.setToday('2024-09-20');
    const submit = {
      actor: TEACHING,
      category: 'courseOutcome',
      term: '11201',
      receiptPeriod: { opens: '2024-09-21', closes: '2024-09-23' },
    };
    expect((await post(app, '/submissions', { ...submit, actor: REGISTRATION })).body.findings[0]?.code).toBe('PR7001');
    expect(await post(app, '/submissions', submit)).toMatchObject({ status: 200, body: { result: { round: 1 } } });
    expect(
      (await post(app, '/students/s1/items', { actor: student('s1'), item: courseOutcome() })).body.findings.map(
        (f: { code: string }) => f.code,
      ),
    ).toContain('PR7004');
    expect((await post(app, '/submissions', submit)).body.findings[0]?.code).toBe('PR7002');
    service.setToday('2024-09-22');
    expect(
      (
        await post(app, '/receipts/s1/courseOutcome/11201', {
          actor: student('s1'),
          event: { type: 'dispute', text: '少一件' },
        })
      ).status,
    ).toBe(200);
    service.setToday('2024-09-24');
    const again = await post(app, '/submissions', {
      ...submit,
      correction: '補上漏列之成果',
      receiptPeriod: { opens: '2024-09-25', closes: '2024-09-27' },
    });
    expect(again.body).toMatchObject({ allowed: true, result: { round: 2 }, findings: [{ code: 'PR7006' }] });
    const receipts = await db.query('select round, status from receipts where student_id = $1 order by round', ['s1']);
    expect(receipts.rows).toEqual([
      { round: 1, status: 'disputed' },
      { round: 2, status: 'pending' },
    ]);
    service.setToday('2024-09-25');
    const old = await post(app, '/receipts/s1/courseOutcome/11201', {
      actor: student('s1'),
      round: 1,
      event: { type: 'confirm' },
    });
    expect(old.body.findings[0]?.code).toBe('PR7018');
    expect(
      (await post(app, '/receipts/s1/courseOutcome/11201', { actor: student('s1'), event: { type: 'confirm' } }))
        .status,
    ).toBe(200);
    service.setToday('2024-09-27');
    const early = await post(app, '/finals', { actor: TEACHING, category: 'courseOutcome', term: '11201' });
    expect(early.body.findings[0]).toMatchObject({ code: 'PR7013', data: { round: 2, earliest: '2024-09-28' } });
    service.setToday('2024-09-28');
    expect((await post(app, '/finals', { actor: TEACHING, category: 'courseOutcome', term: '11201' })).status).toBe(
      200,
    );
    expect(
      (await post(app, '/submissions', { ...submit, correction: '又一次' })).body.findings.map(
        (f: { code: string }) => f.code,
      ),
    ).toContain('PR7014');
  });

  it("refuses any change to an item after its roster's final submission (PR7014), the teacher's too", async () => {
    const { app, db } = service;
    const { rows } = await db.query<{ id: string }>(
      "select id from items where student_id = 's1' and state = 'certified' order by id",
    );
    const revoke = await post(app, `/items/${rows[0]!.id}/certification`, {
      actor: teacher('t-chen'),
      event: { type: 'revoke', reason: '期末檢核' },
    });
    expect(revoke.status).toBe(422);
    expect(codes(revoke)).toContain('PR7014');
    const upload = await post(app, '/students/s1/items', { actor: student('s1'), item: courseOutcome() });
    expect(codes(upload)).toEqual(expect.arrayContaining(['PR7014', 'PR7004']));
    // The selection is what the school submitted: it does not change after the final submission either.
    const before = await db.query('select selected from items where id = $1', [rows[0]!.id]);
    expect(before.rows).toEqual([{ selected: true }]);
    for (const step of ['select', 'deselect']) {
      const changed = await post(app, `/items/${rows[0]!.id}/${step}`, { actor: student('s1') });
      expect(changed.status).toBe(422);
      expect(codes(changed)).toContain('PR7014');
    }
    expect((await db.query('select state, selected from items where id = $1', [rows[0]!.id])).rows).toEqual([
      { state: 'certified', selected: true },
    ]);
  });

  it('does not register a student of a division the pack does not list (PR2008): 馬公 has its day school alone', async () => {
    const { app, db } = service;
    const refused = await post(app, '/students', { id: 'ce1', grade: 2, division: 'continuingEducation' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      allowed: false,
      findings: [{ code: 'PR2008', subject: 'ce1', data: { division: 'continuingEducation', divisions: ['day'] } }],
    });
    expect(refused.body.findings[0]?.message['zh-TW']).toContain('進修部不在本校規定所列部別');
    expect((await db.query('select id from students where id = $1', ['ce1'])).rows).toEqual([]);
    // Nor is a roster of that division submitted: the engine refuses it before any rule.
    const roster = { actor: TEACHING, category: 'courseOutcome', term: '11201', division: 'continuingEducation' };
    expect(codes(await post(app, '/submissions', roster))).toEqual(['PR2008']);
  });

  it('exports the dataset NDJSON the auditor reads: every line a valid record', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/export' });
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = response.body.trimEnd().split('\n');
    const records = lines.map((line, index) => {
      const parsed = parseRecord(line, index + 1);
      if (!parsed.ok) throw new Error(`${line}: ${parsed.finding.message.en}`);
      return parsed.record;
    });
    const count = (type: string) => records.filter((record) => record.type === type).length;
    expect({ students: count('student'), items: count('courseOutcome'), events: count('certificationEvent') }).toEqual({
      students: 1,
      items: 6,
      events: 2,
    });
    expect(
      records.filter((record) => record.type === 'submission').map((record) => 'stage' in record && record.stage),
    ).toEqual(['submit', 'submit', 'final']);
    expect(records.filter((record) => record.type === 'receipt')).toMatchObject([
      { round: 1, status: 'disputed', disputedOn: '2024-09-22' },
      { round: 2, status: 'confirmed', confirmedOn: '2024-09-25' },
    ]);
  });

  it('stores hostile texts as they were sent: quotes, backslashes, $1, SQL (the batches write arguments as literals)', async () => {
    const { app, db } = service;
    const id = "s'q\\$1";
    const summary = "O'Brien's 報告 \\'); drop table items; -- $1 $decision";
    await post(app, '/students', { id, grade: 1 });
    service.setToday('2025-02-20');
    const reply = await post(app, `/students/${encodeURIComponent(id)}/items`, {
      actor: student(id),
      item: courseOutcome('11302', { id: "it'1", summary }),
    });
    expect(reply).toMatchObject({ status: 200, body: { result: { id: "it'1", summary } } });
    const { rows } = await db.query('select id, student_id, summary from items where id = $1', ["it'1"]);
    expect(rows).toEqual([{ id: "it'1", student_id: id, summary }]);
    const submitted = await post(app, `/items/${encodeURIComponent("it'1")}/certification`, {
      actor: student(id),
      event: { type: 'submit' },
    });
    expect(submitted.status).toBe(200);
    const nul = await post(app, `/students/${encodeURIComponent(id)}/items`, {
      actor: student(id),
      item: courseOutcome('11302', { summary: 'a\u0000b' }),
    });
    expect(nul.status).toBe(400);
    expect((nul.body as unknown as { readonly error: string }).error).toContain('NUL');
  });
});
