import { Readable } from 'node:stream';
import type { Actor, CertificationEvent } from '@portfolio-rules/core';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import { certification } from './actions/certification';
import { select, upload } from './actions/items';
import { receipt } from './actions/receipts';
import { finalSubmit, submit } from './actions/submissions';
import type { DecisionReply } from './decisions';
import { exportDataset } from './export';
import { RequestError, type Service } from './service';

// In production the actor comes from your session (who is logged in, with which roles and units);
// this example takes it from the request body so that tests and the bench can play every role.
const ActorSchema = z.object({
  id: z.string().min(1),
  roles: z.array(z.string()),
  units: z.array(z.string()).optional(),
  courses: z.array(z.string()).optional(),
  classes: z.array(z.string()).optional(),
  departments: z.array(z.string()).optional(),
  domains: z.array(z.string()).optional(),
  studentId: z.string().optional(),
  division: z.enum(['day', 'continuingEducation']).optional(),
});
const Term = z.string().regex(/^\d{3}0[12]$/, 'a term code such as 11201');
const Day = z.iso.date();
const Files = z.array(
  z.object({ name: z.string(), type: z.enum(['pdf', 'jpg', 'png', 'mp3', 'mp4']), megabytes: z.number().min(0) }),
);
const Category = z.enum(['cadre', 'courseRecord', 'courseOutcome', 'diversePerformance']);

const StudentBody = z.object({
  id: z.string().min(1),
  grade: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  class: z.string().optional(),
  division: z.enum(['day', 'continuingEducation']).optional(),
});
const UploadBody = z.object({
  actor: ActorSchema,
  item: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('courseOutcome'),
      id: z.string().min(1).optional(),
      term: Term,
      course: z.string().min(1),
      certifier: z.string().min(1),
      summary: z.string().optional(),
      files: Files.optional(),
    }),
    z.object({
      kind: z.literal('diversePerformance'),
      id: z.string().min(1).optional(),
      academicYear: z.int().min(1).max(999),
      term: Term.optional(),
      category: z.string().min(1),
      summary: z.string().optional(),
      files: Files.optional(),
    }),
  ]),
});
const ActorBody = z.object({ actor: ActorSchema });
const CertificationBody = z.object({
  actor: ActorSchema,
  unavailable: z.array(z.string()).optional(),
  event: z.discriminatedUnion('type', [
    z.object({ type: z.literal('submit') }),
    z.object({ type: z.literal('withdraw') }),
    z.object({ type: z.literal('certify') }),
    z.object({ type: z.literal('reject'), reason: z.string() }),
    z.object({ type: z.literal('revoke'), reason: z.string().optional() }),
    z.object({ type: z.literal('reassign'), certifier: z.string().min(1) }),
    z.object({ type: z.literal('edit'), summary: z.string().optional(), files: Files.optional() }),
  ]),
});
const SubmitBody = z.object({
  actor: ActorSchema,
  category: Category,
  term: Term,
  correction: z.string().optional(),
  receiptPeriod: z.object({ opens: Day, closes: Day }).optional(),
  unavailable: z.array(z.string()).optional(),
});
const FinalBody = z.object({
  actor: ActorSchema,
  category: Category,
  term: Term,
  unavailable: z.array(z.string()).optional(),
});
const ReceiptBody = z.object({
  actor: ActorSchema,
  round: z.int().positive().optional(),
  unavailable: z.array(z.string()).optional(),
  event: z.discriminatedUnion('type', [
    z.object({ type: z.literal('confirm') }),
    z.object({ type: z.literal('dispute'), text: z.string() }),
    z.object({ type: z.literal('resolve'), text: z.string() }),
  ]),
});
const ReceiptParams = z.object({ studentId: z.string().min(1), category: Category, term: Term });

/** 200 when the engine allowed it, 422 when it refused: the body is the decision either way. */
const answer = (reply: FastifyReply, decision: DecisionReply) =>
  reply.code(decision.allowed ? 200 : 422).send(decision);

/** The HTTP API over a service (docs/guides/vendor.md): every action decides with the engine and writes in one transaction. */
export function buildApp(service: Service): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1 << 20 });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof z.ZodError) return reply.code(400).send({ error: 'invalid request', issues: error.issues });
    if (error instanceof RequestError) return reply.code(error.status).send({ error: error.message });
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500) return reply.code(status).send({ error: (error as Error).message });
    reply.log.error(error);
    return reply.code(500).send({ error: 'internal error' });
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

  app.post('/students', async (request) => {
    const body = StudentBody.parse(request.body);
    await service.db.query(
      `insert into students (id, grade, class, division) values ($1, $2, $3, $4)
       on conflict (id) do update set grade = excluded.grade, class = excluded.class, division = excluded.division`,
      [body.id, body.grade, body.class ?? null, body.division ?? 'day'],
    );
    return { ok: true };
  });

  app.post<{ Params: { studentId: string } }>('/students/:studentId/items', async (request, reply) => {
    const body = UploadBody.parse(request.body);
    return answer(
      reply,
      await upload(service, { ...body, actor: body.actor as Actor, studentId: request.params.studentId }),
    );
  });

  for (const [path, selected] of [
    ['select', true],
    ['deselect', false],
  ] as const)
    app.post<{ Params: { id: string } }>(`/items/:id/${path}`, async (request, reply) => {
      const body = ActorBody.parse(request.body);
      return answer(reply, await select(service, request.params.id, body.actor as Actor, selected));
    });

  app.post<{ Params: { id: string } }>('/items/:id/certification', async (request, reply) => {
    const body = CertificationBody.parse(request.body);
    return answer(
      reply,
      await certification(
        service,
        request.params.id,
        body.actor as Actor,
        body.event as CertificationEvent,
        body.unavailable,
      ),
    );
  });

  app.post('/submissions', async (request, reply) => {
    const body = SubmitBody.parse(request.body);
    return answer(reply, await submit(service, { ...body, actor: body.actor as Actor }));
  });

  app.post('/finals', async (request, reply) => {
    const body = FinalBody.parse(request.body);
    return answer(reply, await finalSubmit(service, { ...body, actor: body.actor as Actor }));
  });

  app.post('/receipts/:studentId/:category/:term', async (request, reply) => {
    const params = ReceiptParams.parse(request.params);
    const body = ReceiptBody.parse(request.body);
    return answer(reply, await receipt(service, { ...params, ...body, actor: body.actor as Actor, event: body.event }));
  });

  app.get('/export', async (_request, reply) =>
    reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(exportDataset(service.db))),
  );

  app.get<{ Querystring: { after?: string; limit?: string } }>('/decisions', async (request) => {
    const after = Number(request.query.after ?? 0);
    const limit = Math.min(Number(request.query.limit ?? 100), 1000);
    const { rows } = await service.db.query('select * from decisions where id > $1 order by id limit $2', [
      after,
      limit,
    ]);
    return { decisions: rows };
  });

  return app;
}
