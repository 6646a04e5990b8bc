import { parentPort, workerData } from 'node:worker_threads';
import { type Audit, createAudit, createIntake, type Resolution } from '@portfolio-rules/core';
import type { ShardInit, ShardMessage, ShardReply } from './shard-protocol';

/** One shard: parses its lines through its own intake and audits each school it is given, then answers once. */
const init = workerData as ShardInit;
const resolution = init.resolution as Resolution;
const intake = createIntake();
const audits = new Map<string, Audit>();

parentPort!.on('message', (message: ShardMessage) => {
  if (message.type === 'lines') {
    const parse = { file: message.file };
    for (let index = 0; index < message.lines.length; index++) {
      const line = message.numbers[index]!;
      const result = intake.accept(message.lines[index]!, line, parse);
      if (!result.ok) continue;
      const school = result.record.school ?? '';
      let audit = audits.get(school);
      if (!audit) audits.set(school, (audit = createAudit(resolution, { ...init.options, ...(school !== '' && { school }) })));
      audit.add(result.record, { file: message.file, line, column: 1, record: line });
    }
    parentPort!.postMessage({ type: 'ack' } satisfies ShardReply);
    return;
  }
  const reply: ShardReply = { type: 'done', results: [...audits.values()].map((audit) => audit.finish()), summary: intake.summary() };
  parentPort!.postMessage(reply);
});
