import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createFinding, type Finding } from '@portfolio-rules/core';
import { CLI_CODES, type ReadFailure } from '../codes';

const FAILURES: Readonly<Record<string, ReadFailure>> = { ENOENT: 'notFound', EISDIR: 'isDirectory', EACCES: 'permission', EPERM: 'permission' };

export type ReadResult = { readonly text: string } | { readonly finding: Finding };

/** Reads a UTF-8 text file named as the user wrote it (relative to `cwd`); a failure is a PR9005 finding, never an exception. */
export async function readText(cwd: string, file: string): Promise<ReadResult> {
  try {
    const text = await readFile(resolve(cwd, file), 'utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = FAILURES[code] ?? 'other';
    return { finding: createFinding(CLI_CODES.unreadableFile, { file, reason, ...(reason === 'other' && { detail: code }) }, { rule: 'cli.read', subject: file }) };
  }
}
