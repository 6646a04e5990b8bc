import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from './postgres-server';
import { courseOutcome, post, serviceOn, student } from './harness';

let server: PostgresServer;
beforeAll(async () => void (server = await startPostgres()), 60_000);
afterAll(async () => server?.stop());

/**
 * The engine is pure: 200 uploads checked at once against the same 0 items are all allowed. The
 * service holds the cap because each upload decides and writes in one transaction that sees the
 * uploads committed before it — by a lock on the student, or by SERIALIZABLE with retries.
 */
describe.each([
  ['PostgreSQL, row lock', 'lock'],
  ['PostgreSQL, SERIALIZABLE with retry', 'serializable'],
  ['PGlite', 'pglite'],
] as const)('200 concurrent uploads for one student-term at cap 6 — %s', (_name, mode) => {
  it('leave exactly 6 items and 194 refusals with PR3001, every one in the decision log', async () => {
    const url = mode === 'pglite' ? undefined : server.url;
    const service = await serviceOn(url, mode === 'serializable' ? 'serializable' : 'lock', 32);
    try {
      const id = `race-${mode}`;
      await post(service.app, '/students', { id, grade: 1 });
      const replies = await Promise.all(
        Array.from({ length: 200 }, () =>
          post(service.app, `/students/${id}/items`, { actor: student(id), item: courseOutcome() }),
        ),
      );
      const allowed = replies.filter((reply) => reply.status === 200);
      const refused = replies.filter((reply) => reply.status === 422);
      expect(allowed).toHaveLength(6);
      expect(refused).toHaveLength(194);
      for (const reply of refused)
        expect(reply.body.findings).toMatchObject([{ code: 'PR3001', data: { max: 6, count: 6 } }]);
      const { rows } = await service.db.query<{ items: number; allowed: number; refused: number }>(
        `select (select count(*)::int from items where student_id = $1) as items,
                  (select count(*)::int from decisions where subject in (select id from items where student_id = $1) and allowed) as allowed,
                  (select count(*)::int from decisions where action = 'upload' and not allowed and request->>'studentId' = $1 and codes = array['PR3001']) as refused`,
        [id],
      );
      expect(rows[0]).toEqual({ items: 6, allowed: 6, refused: 194 });
    } finally {
      await service.close();
    }
  }, 120_000);
});
