import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from './postgres-server';
import { courseOutcome, student, teacher } from './harness';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const TSUP = fileURLToPath(new URL('../../../node_modules/.bin/tsup', import.meta.url));
const STUDENTS = 24;

let server: PostgresServer;
/** The service processes started and not yet exited: killed after the test, should it fail half-way. */
const children = new Set<ChildProcess>();
beforeAll(async () => {
  const build = spawnSync(TSUP, [], { cwd: EXAMPLE, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the service failed: ${build.stderr}`);
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await Promise.all(
    [...children].map((child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      return exited;
    }),
  );
  await server?.stop();
});

/** Starts `node dist/server.js` on the server's database and waits until it listens. */
function startService(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: EXAMPLE,
    env: {
      ...process.env,
      DATABASE_URL: server.url,
      PORT: String(port),
      SERVICE_TODAY: '2024-01-22',
      PG_POOL_SIZE: '8',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the service did not start: ${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('listening')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => void (output += String(chunk)));
    child.once('exit', (code) => reject(new Error(`the service exited (${code}): ${output}`)));
  });
}

async function call(port: number, path: string, body: object): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reply = (await response.json()) as { result?: { id?: string } };
  if (response.status === 200 && reply.result?.id && path.endsWith('/items'))
    void call(port, `/items/${reply.result.id}/certification`, {
      actor: student(path.split('/')[2]!),
      event: { type: 'submit' },
    }).catch(() => 0);
  return response.status;
}

describe('the service killed with SIGKILL mid-load, then restarted', () => {
  it('leaves no partial write: every item has its decision-log row and every allowing decision its item', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    let service = await startService(port);
    for (let index = 0; index < STUDENTS; index++) await call(port, '/students', { id: `k${index}`, grade: 1 });
    const outcomes = { done: 0, failed: 0 };
    let running = true;
    const worker = async (seed: number) => {
      for (let turn = 0; running; turn++) {
        const id = `k${(seed * 7 + turn) % STUDENTS}`;
        try {
          await call(port, `/students/${id}/items`, { actor: student(id), item: courseOutcome('11201') });
          outcomes.done++;
        } catch {
          outcomes.failed++;
          return;
        }
      }
    };
    const workers = Array.from({ length: 16 }, (_, seed) => worker(seed));
    while (outcomes.done < 150) {
      if (outcomes.failed === workers.length) throw new Error('every client failed before the kill');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    service.kill('SIGKILL');
    await new Promise((resolve) => service.once('exit', resolve));
    running = false;
    await Promise.all(workers);
    // Requests were in flight when the process died.
    expect(outcomes.failed).toBeGreaterThan(0);

    service = await startService(port);
    try {
      expect(await call(port, '/students/k0/items', { actor: student('k0'), item: courseOutcome('11202') })).toBe(200);
      expect(
        await call(port, `/items/does-not-exist/certification`, {
          actor: teacher('t-chen'),
          event: { type: 'certify' },
        }),
      ).toBe(404);
    } finally {
      service.kill('SIGTERM');
      await new Promise((resolve) => service.once('exit', resolve));
    }

    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const count = async (sql: string) =>
        (await client.query<{ n: number }>(`select count(*)::int as n from ${sql}`)).rows[0]!.n;
      expect(await count('items')).toBeGreaterThan(0);
      // Every item points at the allowing upload decision that made it…
      expect(
        await count(
          "items i left join decisions d on d.id = i.decision_id where d.id is null or not d.allowed or d.action <> 'upload' or d.subject <> i.id",
        ),
      ).toBe(0);
      // …and every allowing upload decision has its item.
      expect(
        await count(
          "decisions d where d.action = 'upload' and d.allowed and not exists (select 1 from items i where i.id = d.subject)",
        ),
      ).toBe(0);
      // The same for certification steps: each event with its decision, each allowing decision with its event.
      expect(
        await count(
          "decisions d where d.action like 'certification.%' and d.allowed and not exists (select 1 from certification_events e where e.decision_id = d.id)",
        ),
      ).toBe(0);
      expect(
        await count(
          'certification_events e left join decisions d on d.id = e.decision_id where d.id is null or not d.allowed',
        ),
      ).toBe(0);
      // And no cap was broken on the way.
      expect(await count('(select student_id, term from items group by 1, 2 having count(*) > 6) over')).toBe(0);
    } finally {
      await client.end();
    }
  }, 180_000);
});
