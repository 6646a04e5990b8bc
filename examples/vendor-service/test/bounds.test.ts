import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from './postgres-server';
import { courseOutcome, post, serviceOn, student, type TestService } from './harness';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** Values a hostile or careless client sends: out of every bound, of the wrong type, or at the edge. */
const HOSTILE: readonly Json[] = [
  2 ** 31,
  2 ** 31 - 1,
  2 ** 53 + 2,
  2 ** 63,
  1e308,
  -1,
  -(2 ** 31) - 1,
  0,
  1.5,
  '',
  '-1',
  '1e999',
  'x'.repeat(201),
  '9'.repeat(5000),
  '𠮷'.repeat(2100),
  'a\u0000b',
  null,
  true,
  [],
  {},
  Array.from({ length: 1000 }, () => 'x'),
];

/** Every value in a request (leaves and containers), by its path. */
function* pathsOf(value: Json, path: Path = []): Generator<Path> {
  if (path.length > 0) yield path;
  if (Array.isArray(value)) for (const [index, entry] of value.entries()) yield* pathsOf(entry, [...path, index]);
  else if (value !== null && typeof value === 'object')
    for (const [key, entry] of Object.entries(value)) yield* pathsOf(entry, [...path, key]);
}

/** A copy of the value with the one at `path` replaced. */
function replaced(value: Json, path: Path, by: Json): Json {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((entry, index) => (index === head ? replaced(entry, rest, by) : entry));
  const object = value as { [key: string]: Json };
  return { ...object, [head!]: replaced(object[head!]!, rest, by) };
}

const ACTOR = {
  id: 's1',
  roles: ['student'],
  studentId: 's1',
  units: ['guidance'],
  courses: ['physics'],
  classes: ['201'],
  departments: ['science'],
  domains: ['nature'],
  division: 'day',
};
const FILES = [{ name: 'a.pdf', type: 'pdf', megabytes: 1.5 }];

/** One valid request of every endpoint that takes a body; the hostile values go into each of its values in turn. */
const REQUESTS: readonly { readonly url: string; readonly body: Json }[] = [
  { url: '/students', body: { id: 's2', grade: 2, class: '201', division: 'day' } },
  {
    url: '/students/s1/items',
    body: {
      actor: ACTOR,
      item: {
        kind: 'courseOutcome',
        id: 'co-1',
        term: '11201',
        course: 'physics',
        certifier: 't-chen',
        summary: '報告',
        files: FILES,
      },
    },
  },
  {
    url: '/students/s1/items',
    body: {
      actor: ACTOR,
      item: {
        kind: 'diversePerformance',
        academicYear: 112,
        term: '11201',
        category: 'volunteer',
        summary: '志工',
        files: FILES,
      },
    },
  },
  { url: '/items/it-1/select', body: { actor: ACTOR } },
  { url: '/items/it-1/deselect', body: { actor: ACTOR } },
  {
    url: '/items/it-1/certification',
    body: { actor: ACTOR, unavailable: ['t-chen'], event: { type: 'reject', reason: '請補上數據' } },
  },
  {
    url: '/items/it-1/certification',
    body: { actor: ACTOR, event: { type: 'edit', summary: '改', files: FILES } },
  },
  { url: '/items/it-1/certification', body: { actor: ACTOR, event: { type: 'reassign', certifier: 't-lin' } } },
  {
    url: '/submissions',
    body: {
      actor: ACTOR,
      category: 'courseOutcome',
      term: '11001',
      correction: '更正',
      receiptPeriod: { opens: '2024-01-11', closes: '2024-01-15' },
      unavailable: ['teaching'],
    },
  },
  { url: '/finals', body: { actor: ACTOR, category: 'cadre', term: '11001', unavailable: ['studentLife'] } },
  {
    url: '/receipts/s1/courseOutcome/11201',
    body: { actor: ACTOR, round: 1, unavailable: ['registration'], event: { type: 'dispute', text: '有誤' } },
  },
];

/** Path segments and query strings out of bounds: too long, not numbers, negative, NUL, unknown. */
const URLS = [
  `/students/${'x'.repeat(201)}/items`,
  '/students/a%00b/items',
  `/items/${'x'.repeat(90)}/select`,
  '/items/%00/certification',
  '/receipts/s1/courseOutcome/99999',
  '/receipts/s1/grades/11201',
  `/receipts/${'x'.repeat(201)}/cadre/11201`,
];
const QUERIES = [
  'after=-1',
  'after=1e30',
  'after=abc',
  'after=1.5',
  `after=${2 ** 63}`,
  'limit=0',
  'limit=-5',
  'limit=100000',
  'limit=abc',
  'limit=1.5',
];

interface ErrorBody {
  readonly code?: string;
  readonly message?: { readonly 'zh-TW'?: string; readonly en?: string };
  readonly issues?: readonly { readonly path: string }[];
}

/** Never a 5xx; a 4xx that is not a decision carries a stable code and its message in both languages. */
function expectAnswered(what: string, status: number, body: unknown) {
  expect(status, what).toBeLessThan(500);
  if (status === 422) return; // a decision: the engine refused, with its findings
  if (status >= 400) {
    const error = body as ErrorBody;
    expect(error.code, what).toMatch(/^VS\d{4}$/);
    expect(error.message?.['zh-TW'], what).toBeTruthy();
    expect(error.message?.en, what).toBeTruthy();
  }
}

let server: PostgresServer;
beforeAll(async () => void (server = await startPostgres()), 60_000);
afterAll(async () => server?.stop());

describe.each(['PGlite', 'PostgreSQL'])('request bounds on %s: 4xx with a stable code, never 5xx', (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await serviceOn(kind === 'PostgreSQL' ? server.url : undefined);
    await post(service.app, '/students', { id: 's1', grade: 2 });
    await post(service.app, '/students/s1/items', {
      actor: student('s1'),
      item: courseOutcome('11201', { id: 'it-1' }),
    });
  }, 60_000);
  afterAll(async () => service?.close());

  it('a receipt round over PostgreSQL’s integer (2³¹) is a 400 VS1001 naming `round`, not a 500', async () => {
    const reply = await post(service.app, '/receipts/s1/courseOutcome/11201', {
      actor: student('s1'),
      round: 2 ** 31,
      event: { type: 'confirm' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      code: 'VS1001',
      issues: [{ path: 'round', message: { en: 'round must be at most 2147483647' } }],
    });
    expect((reply.body as ErrorBody).message?.['zh-TW']).toContain('請求內容不符合格式');
  });

  it('every value of every endpoint, replaced by huge, negative, non-integer, overlong or mistyped ones', async () => {
    let requests = 0;
    let refused = 0;
    for (const { url, body } of REQUESTS)
      for (const path of pathsOf(body))
        for (const value of HOSTILE) {
          const sent = replaced(body, path, value);
          const reply = await service.app.inject({ method: 'POST', url, payload: sent as object });
          expectAnswered(
            `${url} ${path.join('.')} = ${JSON.stringify(value).slice(0, 40)}`,
            reply.statusCode,
            reply.json(),
          );
          requests++;
          if (reply.statusCode === 400) refused++;
        }
    for (const { url } of REQUESTS)
      for (const value of HOSTILE.filter(
        (entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry),
      )) {
        const reply = await service.app.inject({
          method: 'POST',
          url,
          payload: JSON.stringify(value),
          headers: { 'content-type': 'application/json' },
        });
        expectAnswered(`${url} body = ${JSON.stringify(value).slice(0, 40)}`, reply.statusCode, reply.json());
        expect(reply.statusCode).toBeGreaterThanOrEqual(400);
      }
    expect(requests).toBeGreaterThan(2000);
    expect(refused / requests).toBeGreaterThan(0.6);
  }, 300_000);

  it('path segments and query strings out of bounds', async () => {
    for (const url of URLS) {
      const reply = await service.app.inject({
        method: 'POST',
        url,
        payload: { actor: student('s1'), event: { type: 'confirm' }, item: courseOutcome() },
      });
      expectAnswered(url, reply.statusCode, reply.json());
      expect(reply.statusCode, url).toBeGreaterThanOrEqual(400);
    }
    for (const query of QUERIES) {
      const reply = await service.app.inject({ method: 'GET', url: `/decisions?${query}` });
      expect(reply.statusCode, query).toBe(400);
      expectAnswered(query, reply.statusCode, reply.json());
    }
    expect((await service.app.inject({ method: 'GET', url: '/decisions?after=0&limit=2' })).statusCode).toBe(200);
  });

  it('a body that is not JSON, too large, or of another type is refused with its own code', async () => {
    const cases = [
      { payload: '{"actor": ', type: 'application/json', code: 'VS1002', status: 400 },
      { payload: 'x'.repeat(1_100_000), type: 'application/json', code: 'VS1004', status: 413 },
      { payload: 'id=s1', type: 'application/x-www-form-urlencoded', code: 'VS1005', status: 415 },
      { payload: '', type: 'application/json', code: 'VS1002', status: 400 },
    ];
    for (const { payload, type, code, status } of cases) {
      const reply = await service.app.inject({
        method: 'POST',
        url: '/students',
        payload,
        headers: { 'content-type': type },
      });
      expect(reply.statusCode, code).toBe(status);
      expect(reply.json(), code).toMatchObject({ code });
    }
    const long = await service.app.inject({ method: 'POST', url: `/items/${'x'.repeat(1100)}/select`, payload: {} });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toMatchObject({ code: 'VS1007' });
    const missing = await service.app.inject({ method: 'POST', url: '/nowhere', payload: {} });
    expect(missing.statusCode).toBe(404);
    const body = missing.json<ErrorBody>();
    expect(body.code).toBe('VS1204');
    expect(body.message?.['zh-TW']).toContain('沒有這個路徑');
  });
});
