import { parentPort } from 'node:worker_threads';
import type { ShardInit, ShardReply } from './shard-protocol';
import { auditShard } from './shard-audit';
import { unreachable } from '@portfolio-rules/core/internal';

const port = parentPort ?? unreachable('the parent thread');
const post = (reply: ShardReply): void => {
  port.postMessage(reply);
};

// Started before the pack is loaded (the engine loads meanwhile), then told what to read by one message.
port.once('message', (init: ShardInit) => {
  post(auditShard(init, post));
});
