import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from './postgres-server';
import { auditExport, codes, courseOutcome, post, serviceOn, student, type TestService } from './harness';

// 馬公 九(三): 課程學習成果認證 — 任課教師, then 科內教師 (the course's department), then 領域教師 (its
// domain). A deputy of another department or domain is not in the chain.
const PHYSICS = { department: 'science', domain: 'nature' };
const departmentTeacher = (id: string, department: string) => ({
  id,
  roles: ['departmentTeacher'],
  departments: [department],
});
const domainTeacher = (id: string, domain: string) => ({ id, roles: ['domainTeacher'], domains: [domain] });

let server: PostgresServer;
let dir: string;
beforeAll(async () => {
  server = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), 'vendor-service-deputies-'));
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['PGlite', 'PostgreSQL'])(
  "a course's department and domain decide its deputies (馬公 九(三)) on %s",
  (kind) => {
    let service: TestService;
    const uploadSent = async (extra: object) => {
      const { app } = service;
      const uploaded = await post(app, '/students/s1/items', {
        actor: student('s1'),
        item: courseOutcome('11201', extra),
      });
      expect(uploaded.status).toBe(200);
      const id = uploaded.body.result!.id;
      expect(
        (await post(app, `/items/${id}/certification`, { actor: student('s1'), event: { type: 'submit' } })).status,
      ).toBe(200);
      return id;
    };
    const certify = (id: string, actor: object, unavailable: string[]) =>
      post(service.app, `/items/${id}/certification`, { actor, unavailable, event: { type: 'certify' } });

    beforeAll(async () => {
      service = await serviceOn(kind === 'PostgreSQL' ? server.url : undefined);
      await post(service.app, '/students', { id: 's1', grade: 2, class: '201' });
      service.setToday('2024-01-10');
    }, 60_000);
    afterAll(async () => service?.close());

    it('stores the department and domain an upload names, and gives them back to the engine', async () => {
      const id = await uploadSent(PHYSICS);
      const { rows } = await service.db.query('select department, domain from items where id = $1', [id]);
      expect(rows).toEqual([{ department: 'science', domain: 'nature' }]);
      // The assigned teacher away: a 科內教師 of another department is refused (PR4002); one of science acts (PR4009).
      expect(codes(await certify(id, departmentTeacher('t-lin', 'arts'), ['t-chen']))).toEqual(['PR4002']);
      const byDeputy = await certify(id, departmentTeacher('t-wang', 'science'), ['t-chen']);
      expect(byDeputy.status).toBe(200);
      expect(byDeputy.body.findings).toMatchObject([{ code: 'PR4009', data: { actingAs: 'departmentTeacher' } }]);
      const { rows: events } = await service.db.query(
        "select actor, acting_as from certification_events where item_id = $1 and type = 'certified'",
        [id],
      );
      expect(events).toEqual([{ actor: 't-wang', acting_as: 'departmentTeacher' }]);
    });

    it('with the 科內教師 away too, a 領域教師 of the same domain certifies, one of another is refused', async () => {
      const id = await uploadSent(PHYSICS);
      const away = ['t-chen', 'departmentTeacher'];
      expect(codes(await certify(id, domainTeacher('t-ho', 'arts'), away))).toEqual(['PR4002']);
      expect(codes(await certify(id, departmentTeacher('t-wang', 'science'), away))).toEqual(['PR4002']);
      expect(await certify(id, domainTeacher('t-su', 'nature'), away)).toMatchObject({
        status: 200,
        body: { findings: [{ code: 'PR4009', data: { actingAs: 'domainTeacher' } }] },
      });
    });

    it('an item that names no department takes any 科內教師 (the engine cannot tell them apart)', async () => {
      const id = await uploadSent({});
      expect((await certify(id, departmentTeacher('t-lin', 'arts'), ['t-chen'])).status).toBe(200);
    });

    it('the audit of the export agrees: no error, and the deputies’ certifications reported as by a deputy (PR4009)', async () => {
      const exported = (await service.app.inject({ method: 'GET', url: '/export' })).body;
      const findings = auditExport(dir, `${kind}.ndjson`, exported, '2024-01-31');
      expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
      const { rows } = await service.db.query<{ subject: string }>(
        "select subject from decisions where allowed and 'PR4009' = any(codes) order by id",
      );
      expect(rows).toHaveLength(3);
      expect(
        findings
          .filter((finding) => finding.code === 'PR4009')
          .map((finding) => finding.subject)
          .sort(),
      ).toEqual(rows.map((row) => row.subject).sort());
    });
  },
);
