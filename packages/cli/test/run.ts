import { fileURLToPath } from 'node:url';
import { main } from '../src/main';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The run as a readable transcript, for file snapshots: command, exit code, stdout, stderr. */
  readonly transcript: string;
}

const buffer = () => {
  let text = '';
  return { write: (chunk: string) => (text += chunk), read: () => text };
};

/** Runs the CLI in memory in the fixtures folder, with the fixture overlay registry (unless told another; `null`: core's own) and the shipped template. */
export async function run(
  argv: readonly string[],
  options: { cwd?: string; templateFolder?: string; regionalDirectory?: string | null } = {},
): Promise<Run> {
  const stdout = buffer();
  const stderr = buffer();
  const code = await main(argv, {
    stdout,
    stderr,
    cwd: options.cwd ?? FIXTURES,
    ...(options.regionalDirectory !== null && {
      regionalDirectory: options.regionalDirectory ?? `${FIXTURES}regional`,
    }),
    ...(options.templateFolder && { templateFolder: options.templateFolder }),
  });
  const transcript = [
    `$ portfolio-rules ${argv.join(' ')}`,
    `exit ${code}`,
    '--- stdout',
    stdout.read().trimEnd(),
    '--- stderr',
    stderr.read().trimEnd(),
    '',
  ].join('\n');
  return { code, stdout: stdout.read(), stderr: stderr.read(), transcript };
}

/** The JSON output with the tool's version masked, so that a release does not change snapshots. */
export function stableJson(text: string): string {
  return text.replace(/("tool": \{\s*"name": "portfolio-rules",\s*"version": )"[^"]*"/, '$1"<version>"');
}
