// The vendor service under load (not a test): 64 clients of mixed operations for 30 s against the
// built service (examples/vendor-service) on a real PostgreSQL server on loopback, with durable commits
// (fsync on). Once with row locks and once with SERIALIZABLE, then checks the data: zero cap
// violations, zero lost writes. Baseline, in the same run: the bare durable write — 64 clients doing
// `begin; insert into decisions …; commit` straight through pg, no HTTP, no engine, no lock.
// BENCH_SECONDS (30), BENCH_CLIENTS (64), BENCH_POOL (8), BENCH_STUDENTS (2000); BENCH_COMPARE, the
// folder of another build of the service (its dist/server.js), run with row locks right after this one;
// BENCH_STRATEGY (`lock` or `serializable`) runs the service with that one only.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { machine, ratio, ROOT, table } from './_lib.mjs';

const EXAMPLE = join(ROOT, 'examples/vendor-service');
const pg = createRequire(join(EXAMPLE, 'package.json'))('pg');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const POOL = Number(process.env.BENCH_POOL ?? 8);
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 2000);
const HOT = 20;

const build = spawnSync(join(ROOT, 'node_modules/.bin/tsup'), [], { cwd: EXAMPLE, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`building the service failed: ${build.stderr}`);
const { startPostgres } = await import(pathToFileURL(join(EXAMPLE, 'dist/postgres-server.js')).href);

/** CPU time a process has used (user + system), in ms, from /proc (Linux). */
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * CPU time of the PostgreSQL server, in ms: the postmaster, the backends it has reaped (its children's
 * time) and those still running. Read once the connections of a run are closed, it holds all of it.
 */
function postgresCpu(server) {
  const postmaster = Number(readFileSync(join(dirname(server.log), 'data/postmaster.pid'), 'utf8').split('\n')[0]);
  const stat = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const own = stat(postmaster);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name)))
    try {
      const fields = stat(pid);
      if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended while we read
    }
  return (ticks * 1000) / 100;
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (value) => `${value.toFixed(1)} ms`;
const cpuMs = (value) => `${value.toFixed(2)} ms`;

/** The bare durable write: the floor under any service that logs its decisions. */
async function baseline(url, server) {
  const cpuBefore = { postgres: postgresCpu(server), own: ownCpu() };
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  await pool.query('create table if not exists baseline (id bigserial primary key, body jsonb not null)');
  const latencies = [];
  const until = performance.now() + SECONDS * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const connection = await pool.connect();
      try {
        await connection.query('begin');
        await connection.query('insert into baseline (body) values ($1)', ['{"action":"upload"}']);
        await connection.query('commit');
      } finally {
        connection.release();
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsed = (performance.now() - started) / 1000;
  const ownUsed = ownCpu() - cpuBefore.own;
  await pool.end();
  await settle();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpu: { postgres: (postgresCpu(server) - cpuBefore.postgres) / latencies.length, own: ownUsed / latencies.length },
  };
}

/** Starts the built service on a free port (PORT=0); resolves with the process and the port it printed. */
function startService(url, strategy, folder = EXAMPLE) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
      'dist/server.js',
    ],
    {
      cwd: folder,
      env: {
        ...process.env,
        DATABASE_URL: url,
        CONCURRENCY: strategy,
        PORT: '0',
        PG_POOL_SIZE: String(POOL),
        SERVICE_TODAY: '2024-01-22',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(String(chunk))?.[1];
      if (port) resolve({ child, port: Number(port) });
    });
    child.once('exit', (code) => reject(new Error(`the service exited (${code})`)));
  });
}

/**
 * One client's keep-alive HTTP/1.1 connection, a request at a time: written by hand because node:http's
 * client costs the shared CPUs about twice as much per request, and the clients are not the service.
 * It reads what Fastify answers a decision with: a status line, headers with content-length, a JSON body.
 */
function connect(port) {
  const socket = net.connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  let buffer = Buffer.alloc(0);
  let pending;
  const fail = (error) => {
    const waiting = pending;
    pending = undefined;
    waiting?.reject(error);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the connection closed')));
  socket.on('data', (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    const end = buffer.indexOf('\r\n\r\n');
    if (!pending || end < 0) return;
    const head = buffer.toString('latin1', 0, end);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
    if (!Number.isInteger(length)) return fail(new Error(`no content-length: ${head}`));
    if (buffer.length < end + 4 + length) return;
    const text = buffer.toString('utf8', end + 4, end + 4 + length);
    buffer = buffer.subarray(end + 4 + length);
    const { resolve } = pending;
    pending = undefined;
    resolve({ status: Number(head.slice(9, 12)), body: JSON.parse(text) });
  });
  return {
    post: (path, body) =>
      new Promise((resolve, reject) => {
        const payload = JSON.stringify(body);
        pending = { resolve, reject };
        socket.write(
          `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
        );
      }),
    close: () => socket.destroy(),
  };
}

const student = (id) => ({ id, roles: ['student'], studentId: id });
const TEACHER = { id: 't-chen', roles: ['courseTeacher'], courses: ['physics'] };
const UNITS = [
  { id: 'u-registration', roles: [], units: ['registration'] },
  { id: 'u-guidance', roles: [], units: ['guidance'] },
];
const outcome = {
  kind: 'courseOutcome',
  term: '11201',
  course: 'physics',
  certifier: 't-chen',
  summary: '實驗報告',
  files: [{ name: 'a.pdf', type: 'pdf', megabytes: 1.2 }],
};

/** Mixed operations of a school at the deadline: mostly uploads, then certification and selection, a few roster actions. */
async function load(port) {
  const latencies = [];
  const statuses = new Map();
  const allowed = new Map();
  let errors = 0;
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const until = performance.now() + SECONDS * 1000;
  const client = async (index) => {
    let connection = connect(port);
    const mine = [];
    while (performance.now() < until) {
      const id = `b${next() < 0.1 ? Math.floor(next() * HOT) : Math.floor(next() * STUDENTS)}`;
      const roll = next();
      const known = mine.length > 0 ? mine[Math.floor(next() * mine.length)] : undefined;
      let action;
      let call;
      if (roll < 0.4 || !known) {
        action = 'upload';
        call = [`/students/${id}/items`, { actor: student(id), item: outcome }];
      } else if (roll < 0.5) {
        action = 'upload';
        call = [
          `/students/${id}/items`,
          {
            actor: student(id),
            item: {
              kind: 'diversePerformance',
              academicYear: 112,
              category: 'volunteer',
              summary: '志工',
              files: outcome.files,
            },
          },
        ];
      } else if (roll < 0.62) {
        action = 'certification';
        call = [`/items/${known.id}/certification`, { actor: student(known.student), event: { type: 'submit' } }];
      } else if (roll < 0.76) {
        action = 'certification';
        call = [`/items/${known.id}/certification`, { actor: TEACHER, event: { type: 'certify' } }];
      } else if (roll < 0.9) {
        action = 'select';
        call = [`/items/${known.id}/select`, { actor: student(known.student) }];
      } else if (roll < 0.96) {
        action = 'deselect';
        call = [`/items/${known.id}/deselect`, { actor: student(known.student) }];
      } else if (roll < 0.98) {
        action = 'submit';
        call = ['/submissions', { actor: UNITS[index % 2], category: 'courseRecord', term: '11202' }];
      } else {
        action = 'final';
        call = ['/finals', { actor: UNITS[0], category: 'courseRecord', term: '11202' }];
      }
      const started = performance.now();
      try {
        const reply = await connection.post(...call);
        latencies.push(performance.now() - started);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.status === 200) {
          allowed.set(reply.body.decision, action);
          if (action === 'upload' && reply.body.result.kind === 'courseOutcome')
            mine.push({ id: reply.body.result.id, student: id });
        }
      } catch {
        errors++;
        connection.close();
        connection = connect(port);
      }
    }
    connection.close();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const decisions = (statuses.get(200) ?? 0) + (statuses.get(422) ?? 0);
  return {
    elapsed,
    decisions,
    perSecond: decisions / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    errors,
    allowed,
  };
}

/** Zero cap violations and zero lost writes, read back from the database. */
async function verify(url, allowed) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const count = async (sql, params = []) =>
    (await client.query(`select count(*)::int as n from ${sql}`, params)).rows[0].n;
  const result = {
    capViolations:
      (await count(
        "(select 1 from items where kind = 'courseOutcome' group by student_id, term having count(*) > 6) x",
      )) +
      (await count(
        "(select 1 from items where kind = 'diversePerformance' group by student_id, academic_year having count(*) > 15) x",
      )) +
      (await count(
        "(select 1 from items where kind = 'courseOutcome' and selected group by student_id, academic_year having count(*) > 6) x",
      )) +
      (await count(
        "(select 1 from items where kind = 'diversePerformance' and selected group by student_id, academic_year having count(*) > 10) x",
      )) +
      (await count("(select 1 from items where selected and kind = 'courseOutcome' and state <> 'certified') x")),
    lostWrites:
      (await count(
        "decisions d where d.action = 'upload' and d.allowed and not exists (select 1 from items i where i.decision_id = d.id)",
      )) +
      (await count('items i left join decisions d on d.id = i.decision_id where d.id is null or not d.allowed')) +
      (await count(
        "decisions d where d.action like 'certification.%' and d.allowed and not exists (select 1 from certification_events e where e.decision_id = d.id)",
      )) +
      (await count('decisions where id = any($1) and not allowed', [[...allowed.keys()]])) +
      ([...allowed.keys()].length - (await count('decisions where id = any($1)', [[...allowed.keys()]]))),
    items: await count('items'),
    decisions: await count('decisions'),
  };
  await client.end();
  return result;
}

const server = await startPostgres({ durable: true, maxConnections: 300 });
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const base = server.url.replace(/\/postgres$/, '');
  console.log(
    `machine: ${JSON.stringify(machine())}; load average at start ${loadavg()
      .map((value) => value.toFixed(2))
      .join(', ')}`,
  );
  console.log(
    `${CLIENTS} clients, ${SECONDS} s each, pool ${POOL}, ${STUDENTS} students (${HOT} of them get 10 % of the load)\n`,
  );
  await admin.query('create database bench_baseline');
  const floor = await baseline(`${base}/bench_baseline`, server);
  const rows = [
    [
      'run',
      'CPU/decision: service + PostgreSQL + clients = all',
      'ceiling on 2 CPUs',
      'decisions/s',
      'p50',
      'p99',
      'vs baseline',
      'refused',
      'errors',
      'cap violations',
      'lost writes',
      'load avg (1 min) after',
    ],
  ];
  rows.push([
    'baseline: bare durable write',
    `— + ${cpuMs(floor.cpu.postgres)} + ${cpuMs(floor.cpu.own)} = ${cpuMs(floor.cpu.postgres + floor.cpu.own)}`,
    `${Math.round(2000 / (floor.cpu.postgres + floor.cpu.own))}/s`,
    Math.round(floor.perSecond),
    ms(floor.p50),
    ms(floor.p99),
    '1.00×',
    '',
    '',
    '',
    '',
    loadavg()[0].toFixed(2),
  ]);
  const runs = [
    { name: 'lock', strategy: 'lock', label: 'row locks' },
    ...(process.env.BENCH_COMPARE
      ? [
          {
            name: 'compare',
            strategy: 'lock',
            label: `row locks, ${process.env.BENCH_COMPARE}`,
            folder: process.env.BENCH_COMPARE,
          },
        ]
      : []),
    { name: 'serializable', strategy: 'serializable', label: 'SERIALIZABLE' },
  ].filter(({ strategy }) => !process.env.BENCH_STRATEGY || process.env.BENCH_STRATEGY === strategy);
  for (const { name, strategy, label, folder } of runs) {
    await admin.query(`create database bench_${name}`);
    const url = `${base}/bench_${name}`;
    const { child: service, port } = await startService(url, strategy, folder);
    const seed = new pg.Client({ connectionString: url });
    await seed.connect();
    await seed.query(
      `insert into students (id, grade) select 'b' || n, 1 + n % 3 from generate_series(0, ${STUDENTS - 1}) n`,
    );
    await seed.end();
    const cpuBefore = { service: cpuOf(service.pid), postgres: postgresCpu(server), own: ownCpu() };
    const run = await load(port);
    const serviceCpu = cpuOf(service.pid) - cpuBefore.service;
    const ownUsed = ownCpu() - cpuBefore.own;
    const health = await new Promise((resolve) =>
      http.get({ host: '127.0.0.1', port, path: '/health' }, (response) => {
        let text = '';
        response.on('data', (c) => (text += c));
        response.on('end', () => resolve(JSON.parse(text)));
      }),
    );
    service.kill('SIGTERM');
    await new Promise((resolve) => service.once('exit', resolve));
    await settle();
    const cpu = {
      service: serviceCpu / run.decisions,
      postgres: (postgresCpu(server) - cpuBefore.postgres) / run.decisions,
      own: ownUsed / run.decisions,
    };
    const all = cpu.service + cpu.postgres + cpu.own;
    const checked = await verify(url, run.allowed);
    rows.push([
      `service, ${label}${health.retries !== undefined ? ` (${health.retries} retries)` : ''}`,
      `${cpuMs(cpu.service)} + ${cpuMs(cpu.postgres)} + ${cpuMs(cpu.own)} = ${cpuMs(all)}`,
      `${Math.round(2000 / all)}/s`,
      Math.round(run.perSecond),
      ms(run.p50),
      ms(run.p99),
      ratio(run.perSecond, floor.perSecond),
      `${Math.round((100 * (run.statuses.get(422) ?? 0)) / run.decisions)} %`,
      run.errors +
        [...run.statuses].filter(([status]) => status !== 200 && status !== 422).reduce((sum, [, n]) => sum + n, 0),
      checked.capViolations,
      checked.lostWrites,
      loadavg()[0].toFixed(2),
    ]);
    console.log(
      `${name}: ${run.decisions} decisions in ${run.elapsed.toFixed(1)} s, ${checked.items} items, ${checked.decisions} decisions logged`,
    );
  }
  await admin.end();
  console.log('');
  table(rows);
} finally {
  await server.stop();
}
