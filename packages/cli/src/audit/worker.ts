import { parentPort } from 'node:worker_threads';
import type { ShardInit, ShardReply } from './shard-protocol';
import { auditShard } from './shard-audit';

const post = (reply: ShardReply) => parentPort!.postMessage(reply);

// Started before the pack is loaded (the engine loads meanwhile), then told what to read by one message.
parentPort!.once('message', (init: ShardInit) => post(auditShard(init, post)));
