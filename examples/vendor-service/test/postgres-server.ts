import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL server of its own, on loopback, in a temporary data folder: started by a test, stopped after it. */
export interface PostgresServer {
  readonly url: string;
  readonly log: string;
  stop(): Promise<void>;
}

/** Debian's server binaries (`postgresql` installs them under /usr/lib/postgresql/<major>/bin; `.ci/run` installs it). */
function binaries(): string {
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base)
    ? readdirSync(base).filter((name) => existsSync(join(base, name, 'bin', 'postgres')))
    : [];
  const major = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!major)
    throw new Error(
      "no PostgreSQL server found under /usr/lib/postgresql: install Debian's postgresql package (.ci/run does, as root)",
    );
  return join(base, major, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user the package creates. */
function runner(): {
  readonly command: (program: string, args: string[]) => [string, string[]];
  readonly owner?: { uid: number; gid: number };
} {
  if (process.getuid?.() !== 0) return { command: (program, args) => [program, args] };
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { command: (program, args) => ['runuser', ['-u', 'postgres', '--', program, ...args]], owner: { uid, gid } };
}

export interface PostgresOptions {
  /** Durable commits (fsync), as in production: the bench keeps them; tests may turn them off to run faster. */
  readonly durable?: boolean;
  readonly maxConnections?: number;
}

/**
 * A detached shell that outlives this process: when the process is gone — its test failed without
 * reaching `stop`, or the runner killed it — it stops the server and removes its folder. `stop` ends it.
 */
function watchdog(stopCommand: readonly string[], dir: string): ChildProcess {
  const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`,
    `${stopCommand.map(quote).join(' ')} >/dev/null 2>&1`,
    `rm -rf ${quote(dir)}`,
  ].join('\n');
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const bin = binaries();
  const { command, owner } = runner();
  const dir = mkdtempSync(join(tmpdir(), 'vendor-service-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const run = (program: string, args: string[]) => {
    const [file, argv] = command(join(bin, program), args);
    const result = spawnSync(file, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0)
      throw new Error(
        `${program} failed (${result.status}): ${result.stderr || result.stdout || result.error?.message}`,
      );
  };
  const stopArgs = ['-D', data, '-m', 'immediate', '-w', 'stop'];
  const [stopFile, stopArgv] = command(join(bin, 'pg_ctl'), stopArgs);
  const guard = watchdog([stopFile, ...stopArgv], dir);
  let stopped = false;
  /** Stops the server if it runs (immediately: its data is thrown away) and removes its folder, whatever happened. */
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    guard.kill();
    try {
      if (existsSync(join(data, 'postmaster.pid'))) run('pg_ctl', stopArgs);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (owner) chownSync(dir, owner.uid, owner.gid);
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const durable = options.durable ?? false;
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      `-c max_connections=${options.maxConnections ?? 300}`,
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ].join(' ');
    run('pg_ctl', ['-D', data, '-o', settings, '-l', log, '-w', '-t', '60', 'start']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      log,
      stop: () => {
        stopNow();
        return Promise.resolve();
      },
    };
  } catch (error) {
    const logged = existsSync(log) ? `\n${readFileSync(log, 'utf8').slice(-2000)}` : '';
    stopNow();
    throw logged ? new Error(`${(error as Error).message}${logged}`, { cause: error }) : error;
  }
}
