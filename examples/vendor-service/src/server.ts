import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { openDatabase, type Strategy } from './db';
import { loadRules } from './rules';

/** Today in Taiwan as `YYYY-MM-DD`, or the fixed day of `SERVICE_TODAY` (for demos, tests and the bench). */
function clock(fixed: string | undefined): () => string {
  if (fixed) return () => fixed;
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Taipei',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return () => format.format(new Date());
}

const env = process.env;
const packFile = env.PACK ?? fileURLToPath(new URL('../../../schools/magong/pack.yaml', import.meta.url));
const rules = loadRules(readFileSync(packFile, 'utf8'), packFile);
const db = await openDatabase({
  ...(env.DATABASE_URL && { url: env.DATABASE_URL }),
  strategy: (env.CONCURRENCY as Strategy | undefined) ?? 'lock',
  poolSize: Number(env.PG_POOL_SIZE ?? 8),
  ...(env.PGLITE_DATA_DIR && { dataDir: env.PGLITE_DATA_DIR }),
});
const app = buildApp({ db, rules, today: clock(env.SERVICE_TODAY) });
app.addHook('onClose', () => db.close());
const address = await app.listen({ port: Number(env.PORT ?? 3000), host: env.HOST ?? '127.0.0.1' });
console.log(`vendor-service listening on ${address} (${db.kind}, ${db.strategy}; ${rules.version})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close());
