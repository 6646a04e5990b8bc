import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { FindingBase } from '@portfolio-rules/core';
import { createFinding } from '@portfolio-rules/core/internal';
import { CLI_CODES, type ReadFailure } from '../codes';
import type { Output } from '../command';

const FAILURES: Readonly<Record<string, ReadFailure>> = {
  ENOENT: 'notFound',
  ENOTDIR: 'notFound',
  EISDIR: 'isDirectory',
  EACCES: 'permission',
  EPERM: 'permission',
};

export type ReadResult = { readonly text: string } | { readonly finding: FindingBase };

/** Reads a UTF-8 text file named as the user wrote it (relative to `cwd`); a failure is a PR9005 finding, never an exception. */
export async function readText(cwd: string, file: string): Promise<ReadResult> {
  try {
    const text = await readFile(resolve(cwd, file), 'utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return { finding: failure(CLI_CODES.unreadableFile, 'cli.read', file, error) };
  }
}

function failure(
  code: typeof CLI_CODES.unreadableFile | typeof CLI_CODES.unwritableFile,
  rule: string,
  file: string,
  error: unknown,
): FindingBase {
  const errno = (error as NodeJS.ErrnoException).code ?? '';
  const reason = FAILURES[errno] ?? 'other';
  return createFinding(code, { file, reason, ...(reason === 'other' && { detail: errno }) }, { rule, subject: file });
}

/**
 * Writes a file named as the user wrote it (relative to `cwd`) piece by piece: `write` is given an
 * output that writes each piece at once, so a large report is never held whole. A file that cannot
 * be opened is a PR9011 finding, never an exception.
 */
export function writePieces(cwd: string, file: string, write: (output: Output) => void): FindingBase | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(resolve(cwd, file), 'w');
  } catch (error) {
    return failure(CLI_CODES.unwritableFile, 'cli.write', file, error);
  }
  try {
    write({
      write(text: string) {
        const bytes = Buffer.from(text);
        for (let done = 0; done < bytes.length;) done += writeSync(descriptor, bytes, done);
      },
    });
  } finally {
    closeSync(descriptor);
  }
  return undefined;
}

/** Writes a text file named as the user wrote it (relative to `cwd`), creating its folders; a failure is a PR9011 finding, never an exception. */
export async function writeText(cwd: string, file: string, text: string): Promise<FindingBase | undefined> {
  try {
    const target = resolve(cwd, file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text, 'utf8');
    return undefined;
  } catch (error) {
    return failure(CLI_CODES.unwritableFile, 'cli.write', file, error);
  }
}
