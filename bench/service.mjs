// The vendor service under load (not a test): 64 clients taking a school's steps at its upload
// deadline (each step what a user would do next with the data as it stands: MIX) for 30 s against the
// built service (examples/vendor-service) on a real PostgreSQL server on loopback, with durable commits
// (fsync on). Once with row locks and once with SERIALIZABLE, then checks the data: zero cap
// violations, zero lost writes. Baseline, in the same run: the bare durable write — 64 clients doing
// `begin; insert into decisions …; commit` straight through pg, no HTTP, no engine, no lock. Prints
// decisions/s and allowed decisions/s, and every step's count, allowed and refused, refusals by code.
// BENCH_SECONDS (30), BENCH_CLIENTS (64), BENCH_POOL (8), BENCH_STUDENTS (20000); BENCH_COMPARE, the
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
const HOT = 20;
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 20000);
if (STUDENTS < HOT + CLIENTS) throw new Error(`BENCH_STUDENTS must be at least ${HOT + CLIENTS}`);

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
/** The units that submit each roster (Magong 九(三)). */
const UNITS = Object.fromEntries(
  Object.entries({
    courseRecord: 'registration',
    cadre: 'studentLife',
    courseOutcome: 'teaching',
    diversePerformance: 'discipline',
  }).map(([category, unit]) => [category, { id: `u-${unit}`, roles: [], units: [unit] }]),
);
/**
 * Rosters the units submitted last week (seeded before the run, confirmation 9–12 January), so that
 * today (22 January) they may be final-submitted or submitted again: course records and cadres of
 * 100–112, course outcomes and diverse performances of 100–111 (112's are the ones students upload
 * to: submitting them would lock the student side, PR7004).
 */
const ROSTERS = [];
for (let year = 112; year >= 100; year--)
  for (const semester of ['02', '01'])
    for (const category of Object.keys(UNITS))
      if (year < 112 || category === 'courseRecord' || category === 'cadre')
        ROSTERS.push({ category, term: `${year}${semester}` });
const SUBMITTED = { on: '2024-01-08', opens: '2024-01-09', closes: '2024-01-12' };
/** The confirmation period a resubmission announces: from tomorrow, 3 days (學習歷程檔案QA 一(十)). */
const NEXT_PERIOD = { opens: '2024-01-23', closes: '2024-01-25' };
const FILES = [{ name: 'a.pdf', type: 'pdf', megabytes: 1.2 }];
const OUTCOME = {
  kind: 'courseOutcome',
  term: '11201',
  course: 'physics',
  certifier: 't-chen',
  summary: '實驗報告',
  files: FILES,
};
const DIVERSE = { kind: 'diversePerformance', academicYear: 112, category: 'volunteer', summary: '志工', files: FILES };
/** Magong's caps (what the clients keep under, as a platform's page would): 6 course outcomes a semester, 15 diverse performances a year, 6 and 10 of them selected. */
const CAPS = { outcomes: 6, diverse: 15, selectedOutcomes: 6, selectedDiverse: 10 };

/**
 * The share of each step, in per cent: a school at its upload deadline. Every step is what a user of a
 * platform would do next with the data as it stands: a student uploads until the cap, sends a draft
 * to the teacher (送審), the teacher certifies it (認證成功; one in ten is rejected, 認證失敗, and goes
 * back to the student, who sends it again), the student selects certified items (勾選) within the
 * selection caps and now and then takes one back. A few steps are refused by design: a student at
 * the cap tries once more (PR3001). The units resubmit two rosters after corrections (new rounds,
 * the exclusive roster lock). A step with nothing to act on (no draft yet) is an upload instead.
 */
const MIX = [
  ['hot', 10], // one of 20 hot students (shared by every client): uploads, then selects and deselects
  ['upload.courseOutcome', 33.9],
  ['upload.diversePerformance', 8],
  ['certification.submit', 13],
  ['certification.teacher', 13],
  ['select', 14],
  ['deselect', 5],
  ['upload.overCap', 3],
  ['roster', 0.1],
];

/** A seeded random number generator (mulberry32: 32-bit integer arithmetic, a period of 2³²). */
function randomFrom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the clients know of a student's portfolio: counts, and items by state. */
const portfolio = (id) => ({
  id,
  outcomes: 0,
  diverse: 0,
  selectedOutcomes: 0,
  selectedDiverse: 0,
  unselectedDiverse: [],
  selected: [],
});

/** Counts per step: sent, allowed, refused, and the refusals by the codes of their error findings. */
function tally() {
  const steps = new Map();
  return {
    steps,
    add(step, reply) {
      const entry = steps.get(step) ?? { sent: 0, allowed: 0, refused: 0, codes: new Map(), other: new Map() };
      steps.set(step, entry);
      entry.sent++;
      if (reply.status === 200) entry.allowed++;
      else if (reply.status === 422) {
        entry.refused++;
        const codes = (reply.body.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.code);
        const key = [...new Set(codes)].join('+') || '(no error finding)';
        entry.codes.set(key, (entry.codes.get(key) ?? 0) + 1);
      } else entry.other.set(reply.status, (entry.other.get(reply.status) ?? 0) + 1);
    },
  };
}

/** The mixed operations of {@link MIX}, 64 clients each sending its next request when the last one is answered. */
async function load(port) {
  const latencies = [];
  const statuses = new Map();
  const allowed = new Map();
  const counts = tally();
  let errors = 0;
  const hot = Array.from({ length: HOT }, (_, index) => portfolio(`b${index}`));
  let rosterSteps = 0;
  const until = performance.now() + SECONDS * 1000;
  const client = async (index) => {
    const next = randomFrom(index + 1);
    let connection = connect(port);
    // This client's students: every CLIENTS-th after the hot ones. A student uploads in one sitting.
    const own = [];
    for (let id = HOT + index; id < STUDENTS; id += CLIENTS) own.push(portfolio(`b${id}`));
    let uploading = 0;
    let uploadingDiverse = 0;
    const drafts = [];
    const submitted = [];
    const certified = [];
    const selected = [];
    const pick = (list) => list.splice(Math.floor(next() * list.length), 1)[0];
    /** The request of a step, and what to note when it is allowed. */
    const plan = (step) => {
      if (step === 'hot') {
        const who = hot[Math.floor(next() * hot.length)];
        if (who.diverse < CAPS.diverse) return plan.upload(who, DIVERSE, 'hot.upload');
        if (who.selectedDiverse < CAPS.selectedDiverse && who.unselectedDiverse.length > 0)
          return plan.select(who, pick(who.unselectedDiverse), 'hot.select', who.unselectedDiverse, who.selected);
        if (who.selected.length > 0)
          return plan.deselect(who, pick(who.selected), 'hot.deselect', who.selected, who.unselectedDiverse);
        return plan('upload.courseOutcome');
      }
      if (step === 'upload.courseOutcome') {
        while (uploading < own.length && own[uploading].outcomes >= CAPS.outcomes) uploading++;
        if (uploading < own.length) return plan.upload(own[uploading], OUTCOME, step);
        return plan.upload(own[Math.floor(next() * own.length)], OUTCOME, 'upload.everyStudentAtCap');
      }
      if (step === 'upload.diversePerformance') {
        while (uploadingDiverse < own.length && own[uploadingDiverse].diverse >= CAPS.diverse) uploadingDiverse++;
        if (uploadingDiverse < own.length) return plan.upload(own[uploadingDiverse], DIVERSE, step);
        return plan.upload(own[Math.floor(next() * own.length)], DIVERSE, 'upload.everyStudentAtCap');
      }
      if (step === 'upload.overCap') {
        // The students before the one uploading now are at the cap.
        if (uploading > 0) return plan.upload(own[Math.floor(next() * uploading)], OUTCOME, step);
        return plan('upload.courseOutcome');
      }
      if (step === 'certification.submit' && drafts.length > 0) {
        const item = drafts.shift();
        return {
          step,
          call: [`/items/${item.id}/certification`, { actor: student(item.who.id), event: { type: 'submit' } }],
          allowed: () => submitted.push(item),
          refused: () => drafts.push(item),
        };
      }
      if (step === 'certification.teacher' && submitted.length > 0) {
        const item = submitted.shift();
        const reject = next() < 0.1;
        const event = reject ? { type: 'reject', reason: '請補上實驗數據' } : { type: 'certify' };
        return {
          step: `certification.${event.type}`,
          call: [`/items/${item.id}/certification`, { actor: TEACHER, event }],
          allowed: () => (reject ? drafts : certified).push(item),
          refused: () => submitted.push(item),
        };
      }
      if (step === 'select') {
        const diverse = next() < 0.4;
        const ready = diverse
          ? own
              .slice(0, uploadingDiverse + 1) // the students who have uploaded diverse performances
              .filter((who) => who.unselectedDiverse.length > 0 && who.selectedDiverse < CAPS.selectedDiverse)
              .slice(0, 8)
          : [];
        if (diverse && ready.length > 0) {
          const who = ready[Math.floor(next() * ready.length)];
          return plan.select(
            who,
            pick(who.unselectedDiverse),
            'select.diversePerformance',
            who.unselectedDiverse,
            selected,
          );
        }
        const at = certified.findIndex((item) => item.who.selectedOutcomes < CAPS.selectedOutcomes);
        if (at >= 0) {
          const [item] = certified.splice(at, 1);
          return plan.select(item.who, item, 'select.courseOutcome', certified, selected);
        }
      }
      if (step === 'deselect' && selected.length > 0) {
        const item = pick(selected);
        return plan.deselect(
          item.who,
          item,
          `deselect.${item.kind}`,
          selected,
          item.kind === 'courseOutcome' ? certified : item.who.unselectedDiverse,
        );
      }
      if (step === 'roster' && rosterSteps < ROSTERS.length) {
        // The rosters submitted last week (seeded), in turn: one final-submitted, the next submitted
        // again after a correction (round 2, with its new confirmation period).
        const n = rosterSteps++;
        const { category, term } = ROSTERS[n];
        const request = { actor: UNITS[category], category, term };
        const [what, call] =
          n % 2 === 0
            ? ['roster.final', ['/finals', request]]
            : [
                'roster.resubmit',
                ['/submissions', { ...request, correction: '更正學生資料後重新提交', receiptPeriod: NEXT_PERIOD }],
              ];
        return { step: what, call, allowed: () => {}, refused: () => {} };
      }
      return plan('upload.courseOutcome');
    };
    plan.upload = (who, item, step) => {
      const counted = item.kind === 'courseOutcome' ? 'outcomes' : 'diverse';
      who[counted]++; // counted when sent: two clients of a hot student do not both take its last place
      return {
        step,
        call: [`/students/${who.id}/items`, { actor: student(who.id), item }],
        allowed: (result) => {
          const stored = { id: result.id, kind: item.kind, who };
          if (item.kind === 'courseOutcome') drafts.push(stored);
          else who.unselectedDiverse.push(stored);
        },
        refused: () => {
          if (step === 'upload.courseOutcome' || step === 'upload.diversePerformance' || step === 'hot.upload')
            who[counted]--;
        },
      };
    };
    plan.select = (who, item, step, from, to) => {
      const counted = item.kind === 'courseOutcome' ? 'selectedOutcomes' : 'selectedDiverse';
      who[counted]++;
      return {
        step,
        call: [`/items/${item.id}/select`, { actor: student(who.id) }],
        allowed: () => to.push(item),
        refused: () => {
          who[counted]--;
          from.push(item);
        },
      };
    };
    plan.deselect = (who, item, step, from, to) => ({
      step,
      call: [`/items/${item.id}/deselect`, { actor: student(who.id) }],
      allowed: () => {
        who[item.kind === 'courseOutcome' ? 'selectedOutcomes' : 'selectedDiverse']--;
        to.push(item);
      },
      refused: () => from.push(item),
    });
    const total = MIX.reduce((sum, [, share]) => sum + share, 0);
    while (performance.now() < until) {
      let roll = next() * total;
      const [chosen] = MIX.find(([, share]) => (roll -= share) < 0) ?? MIX[0];
      const { step, call, allowed: onAllowed, refused } = plan(chosen);
      const started = performance.now();
      try {
        const reply = await connection.post(...call);
        latencies.push(performance.now() - started);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        counts.add(step, reply);
        if (reply.status === 200) {
          allowed.set(reply.body.decision, step);
          onAllowed(reply.body.result);
        } else refused();
      } catch {
        errors++;
        refused();
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
    allowedPerSecond: (statuses.get(200) ?? 0) / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    errors,
    allowed,
    steps: counts.steps,
  };
}

/** The steps of a run: how many were sent, allowed and refused, and the refusals by code. */
function breakdown(name, run) {
  const rows = [[`${name}: step`, 'sent', 'share', 'allowed', 'refused', 'refused by code', 'not decisions']];
  const sent = [...run.steps.values()].reduce((sum, entry) => sum + entry.sent, 0);
  for (const [step, entry] of [...run.steps].sort(([a], [b]) => a.localeCompare(b)))
    rows.push([
      step,
      entry.sent,
      `${((100 * entry.sent) / sent).toFixed(1)} %`,
      entry.allowed,
      entry.refused,
      [...entry.codes].map(([codes, n]) => `${codes} ${n}`).join(', '),
      [...entry.other].map(([status, n]) => `HTTP ${status} ${n}`).join(', '),
    ]);
  table(rows);
  console.log('');
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
    `${CLIENTS} clients, ${SECONDS} s each, pool ${POOL}, ${STUDENTS} students (${HOT} of them, shared by every client, get 10 % of the steps)\n`,
  );
  await admin.query('create database bench_baseline');
  const floor = await baseline(`${base}/bench_baseline`, server);
  const rows = [
    [
      'run',
      'CPU/decision: service + PostgreSQL + clients = all',
      'ceiling on 2 CPUs',
      'decisions/s',
      'allowed/s',
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
    '',
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
  const breakdowns = [];
  for (const { name, strategy, label, folder } of runs) {
    await admin.query(`create database bench_${name}`);
    const url = `${base}/bench_${name}`;
    const { child: service, port } = await startService(url, strategy, folder);
    const seed = new pg.Client({ connectionString: url });
    await seed.connect();
    await seed.query(
      `insert into students (id, grade) select 'b' || n, 1 + n % 3 from generate_series(0, ${STUDENTS - 1}) n`,
    );
    const { rows: seeded } = await seed.query(
      `insert into decisions (day, action, subject, actor, request, allowed, codes, findings, explanation, pack_version)
       values ($1, 'seed', 'rosters submitted before the bench', '{}', '{}', true, '{}', '[]', '[]', 'seed') returning id`,
      [SUBMITTED.on],
    );
    await seed.query(
      `insert into submissions (category, term, round, submitted_by, acting_as, submitted_on, receipt_opens, receipt_closes, decision_id)
       select category, term, 1, 'u-' || unit, unit, $3, $4, $5, $6
       from unnest($1::text[], $2::text[], $7::text[]) as r (category, term, unit)`,
      [
        ROSTERS.map((roster) => roster.category),
        ROSTERS.map((roster) => roster.term),
        SUBMITTED.on,
        SUBMITTED.opens,
        SUBMITTED.closes,
        seeded[0].id,
        ROSTERS.map((roster) => UNITS[roster.category].units[0]),
      ],
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
      Math.round(run.allowedPerSecond),
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
    breakdowns.push([name, run]);
    console.log(
      `${name}: ${run.decisions} decisions in ${run.elapsed.toFixed(1)} s, ${checked.items} items, ${checked.decisions} decisions logged`,
    );
  }
  await admin.end();
  console.log('');
  table(rows);
  console.log('');
  for (const [name, run] of breakdowns) breakdown(name, run);
} finally {
  await server.stop();
}
