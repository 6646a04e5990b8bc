import { Readable } from 'node:stream';
import { type CertificationEvent, divisionFinding } from '@portfolio-rules/core';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import { certification } from './actions/certification';
import { select, upload } from './actions/items';
import { receipt } from './actions/receipts';
import { finalSubmit, submit } from './actions/submissions';
import type { Decided } from './decisions';
import { isUnstorable } from './db/database';
import { exportDataset } from './export';
import { invalidRequest, RequestError, type RequestErrorCode } from './errors';
import type { Service } from './service';

/**
 * The bounds of every value a request carries: a value outside them is a 400 (VS1001) before anything
 * reaches the engine or PostgreSQL — ids and names up to 200 characters, texts up to 4,000, lists up
 * to 100 entries, integers within what their columns hold.
 */
const Id = z.string().min(1).max(200);
const Names = z.array(z.string().min(1).max(200)).max(100);
const Text = z.string().max(4000);
/** PostgreSQL's `integer`, the column of a round. */
const INT4_MAX = 2_147_483_647;

// In production the actor comes from your session (who is logged in, with which roles and units);
// this example takes it from the request body so that tests and the bench can play every role.
const Division = z.enum(['day', 'continuingEducation']);
const ActorSchema = z.object({
  id: Id,
  roles: Names,
  units: Names.optional(),
  courses: Names.optional(),
  classes: Names.optional(),
  departments: Names.optional(),
  domains: Names.optional(),
  studentId: Id.optional(),
  division: Division.optional(),
});
const Term = z.string().regex(/^\d{3}0[12]$/, 'a term code such as 11201');
const Day = z.iso.date();
const Files = z
  .array(
    z.object({
      name: z.string().min(1).max(255),
      type: z.enum(['pdf', 'jpg', 'png', 'mp3', 'mp4']),
      megabytes: z.number().min(0).max(100_000),
    }),
  )
  .max(100);
const Category = z.enum(['cadre', 'courseRecord', 'courseOutcome', 'diversePerformance']);
const Unavailable = Names.optional();

const StudentBody = z.object({
  id: Id,
  grade: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  class: z.string().max(200).optional(),
  division: Division.optional(),
});
const UploadBody = z.object({
  actor: ActorSchema,
  item: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('courseOutcome'),
      id: Id.optional(),
      term: Term,
      course: Id,
      department: Id.optional(),
      domain: Id.optional(),
      certifier: Id,
      summary: Text.optional(),
      files: Files.optional(),
    }),
    z.object({
      kind: z.literal('diversePerformance'),
      id: Id.optional(),
      academicYear: z.int().min(1).max(999),
      term: Term.optional(),
      category: Id,
      summary: Text.optional(),
      files: Files.optional(),
    }),
  ]),
});
const ActorBody = z.object({ actor: ActorSchema });
const CertificationBody = z.object({
  actor: ActorSchema,
  unavailable: Unavailable,
  event: z.discriminatedUnion('type', [
    z.object({ type: z.literal('submit') }),
    z.object({ type: z.literal('withdraw') }),
    z.object({ type: z.literal('certify') }),
    z.object({ type: z.literal('reject'), reason: Text }),
    z.object({ type: z.literal('revoke'), reason: Text.optional() }),
    z.object({ type: z.literal('reassign'), certifier: Id }),
    z.object({ type: z.literal('edit'), summary: Text.optional(), files: Files.optional() }),
  ]),
});
const SubmitBody = z.object({
  actor: ActorSchema,
  category: Category,
  term: Term,
  division: Division.optional(),
  correction: Text.optional(),
  receiptPeriod: z.object({ opens: Day, closes: Day }).optional(),
  unavailable: Unavailable,
});
const FinalBody = z.object({
  actor: ActorSchema,
  category: Category,
  term: Term,
  division: Division.optional(),
  unavailable: Unavailable,
});
const ReceiptBody = z.object({
  actor: ActorSchema,
  round: z.int().min(1).max(INT4_MAX).optional(),
  unavailable: Unavailable,
  event: z.discriminatedUnion('type', [
    z.object({ type: z.literal('confirm') }),
    z.object({ type: z.literal('dispute'), text: Text }),
    z.object({ type: z.literal('resolve'), text: Text }),
  ]),
});
const StudentParams = z.object({ studentId: Id });
const ItemParams = z.object({ id: Id });
const ReceiptParams = z.object({ studentId: Id, category: Category, term: Term });
/** A page of the decision log: ids after `after` (a bigint column), at most `limit` (1–1,000) of them. */
const DecisionsQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** The answer to a Fastify error of the HTTP layer (the body could not be read), by its code. */
const HTTP_ERRORS: Readonly<Record<string, RequestErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'VS1002',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VS1002',
  FST_ERR_CTP_BODY_TOO_LARGE: 'VS1004',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'VS1005',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VS1006',
  FST_ERR_BAD_URL: 'VS1006',
  FST_ERR_MAX_PARAM_LENGTH: 'VS1007',
};

/** The error handler's answer: a {@link RequestError}'s own, a schema's VS1001, NUL VS1003, HTTP layer's, else VS1901. */
function requestErrorOf(error: unknown): RequestError | undefined {
  if (error instanceof RequestError) return error;
  if (error instanceof z.ZodError) return invalidRequest(error);
  if (isUnstorable(error)) return new RequestError('VS1003');
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  const known = code === undefined ? undefined : HTTP_ERRORS[code];
  if (known) return new RequestError(known);
  if (statusCode !== undefined && statusCode < 500) return new RequestError('VS1006', (error as Error).message);
  return undefined;
}

/** 200 when the engine allowed it, 422 when it refused: the body is the decision either way. */
const answer = (reply: FastifyReply, decision: Decided) =>
  reply
    .code(decision.allowed ? 200 : 422)
    .type('application/json; charset=utf-8')
    .send(decision.body);

/** The HTTP API over a service (docs/guides/vendor.md): every action decides with the engine and writes in one transaction. */
export function buildApp(service: Service): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: 1 << 20,
    // A path segment (an id, URL-encoded) up to 1,000 characters reaches the route, whose schema bounds it.
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const known = requestErrorOf(error) ?? new RequestError('VS1006', error.message);
      void reply.code(known.status).send(known.body());
    },
  });
  app.setErrorHandler((error, _request, reply) => {
    const known = requestErrorOf(error);
    if (known) return reply.code(known.status).send(known.body());
    reply.log.error(error);
    const internal = new RequestError('VS1901');
    return reply.code(internal.status).send(internal.body());
  });
  app.setNotFoundHandler((request, reply) => {
    const missing = new RequestError('VS1204', `${request.method} ${request.url.slice(0, 200)}`);
    return reply.code(missing.status).send(missing.body());
  });

  app.get('/health', () =>
    Promise.resolve({
      ok: true,
      database: service.db.kind,
      strategy: service.db.strategy,
      pack: service.rules.version,
      retries: service.db.retries(),
    }),
  );

  app.post('/students', async (request, reply) => {
    const body = StudentBody.parse(request.body);
    // A division the school's pack does not list: every later decision about the student would be refused.
    const refused = divisionFinding({ divisions: service.rules.divisions }, body.division, body.id);
    if (refused)
      return reply
        .code(422)
        .type('application/json; charset=utf-8')
        .send({ allowed: false, findings: [refused] });
    await service.db.query(
      `insert into students (id, grade, class, division) values ($1, $2, $3, $4)
       on conflict (id) do update set grade = excluded.grade, class = excluded.class, division = excluded.division`,
      [body.id, body.grade, body.class ?? null, body.division ?? 'day'],
    );
    return { ok: true };
  });

  app.post('/students/:studentId/items', async (request, reply) => {
    const { studentId } = StudentParams.parse(request.params);
    const body = UploadBody.parse(request.body);
    return answer(reply, await upload(service, { ...body, actor: body.actor, studentId }));
  });

  for (const [path, selected] of [
    ['select', true],
    ['deselect', false],
  ] as const)
    app.post(`/items/:id/${path}`, async (request, reply) => {
      const { id } = ItemParams.parse(request.params);
      const body = ActorBody.parse(request.body);
      return answer(reply, await select(service, id, body.actor, selected));
    });

  app.post('/items/:id/certification', async (request, reply) => {
    const { id } = ItemParams.parse(request.params);
    const body = CertificationBody.parse(request.body);
    return answer(
      reply,
      await certification(service, id, body.actor, body.event as CertificationEvent, body.unavailable),
    );
  });

  app.post('/submissions', async (request, reply) => {
    const body = SubmitBody.parse(request.body);
    return answer(reply, await submit(service, { ...body, actor: body.actor }));
  });

  app.post('/finals', async (request, reply) => {
    const body = FinalBody.parse(request.body);
    return answer(reply, await finalSubmit(service, { ...body, actor: body.actor }));
  });

  app.post('/receipts/:studentId/:category/:term', async (request, reply) => {
    const params = ReceiptParams.parse(request.params);
    const body = ReceiptBody.parse(request.body);
    return answer(reply, await receipt(service, { ...params, ...body, actor: body.actor, event: body.event }));
  });

  app.get('/export', async (_request, reply) =>
    reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(exportDataset(service.db))),
  );

  app.get('/decisions', async (request) => {
    const { after, limit } = DecisionsQuery.parse(request.query);
    const { rows } = await service.db.query('select * from decisions where id > $1 order by id limit $2', [
      after,
      limit,
    ]);
    return { decisions: rows };
  });

  return app;
}
