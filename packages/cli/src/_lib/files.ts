import {
  chmodSync,
  closeSync,
  constants,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { type FileHandle, mkdir, open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { FindingBase } from '@portfolio-rules/core';
import { createFinding, PACK_CODES } from '@portfolio-rules/core/internal';
import { CLI_CODES, type ReadFailure } from '../codes';
import { utf8Text } from './encodings';
import { EXIT, type Output } from '../command';

/** The error code of a path that is not a regular file (a FIFO, socket or device) where one was expected. */
const NOT_REGULAR = 'ENOTREGULAR';

const FAILURES: Readonly<Record<string, ReadFailure>> = {
  ENOENT: 'notFound',
  ENOTDIR: 'notFound',
  EISDIR: 'isDirectory',
  EACCES: 'permission',
  EPERM: 'permission',
  EROFS: 'permission',
  ENOSPC: 'noSpace',
  EDQUOT: 'noSpace',
  EFBIG: 'noSpace',
  [NOT_REGULAR]: 'notRegular',
};

/** The reason a file operation failed, as PR9005 and PR9011 name it. */
export function failureOf(error: unknown): { reason: ReadFailure; detail?: string } {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = FAILURES[errno] ?? 'other';
  return { reason, ...(reason === 'other' && errno !== '' && { detail: errno }) };
}

function failure(
  code: typeof CLI_CODES.unreadableFile | typeof CLI_CODES.unwritableFile,
  rule: string,
  file: string,
  error: unknown,
): FindingBase {
  return createFinding(code, { file, ...failureOf(error) }, { rule, subject: file });
}

/** A PR9005 finding for a file that could not be read. */
export const unreadable = (file: string, error: unknown) => failure(CLI_CODES.unreadableFile, 'cli.read', file, error);

/** A PR9011 finding for a file (or standard output) that could not be written. */
export const unwritable = (file: string, error: unknown) => failure(CLI_CODES.unwritableFile, 'cli.write', file, error);

/**
 * Opens a regular file (symbolic links followed) for reading. A FIFO, socket or device is refused
 * (error code ENOTREGULAR) instead of read: opening without blocking, then asking the open file what
 * it is, so that a FIFO without a writer can never hang the command, and nothing can be swapped in
 * between the check and the read.
 */
export async function openRegular(path: string): Promise<FileHandle> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  let info: Stats;
  try {
    info = await handle.stat();
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (info.isFile()) return handle;
  await handle.close();
  throw Object.assign(new Error(`not a regular file: ${path}`), {
    code: info.isDirectory() ? 'EISDIR' : NOT_REGULAR,
  });
}

export type ReadResult = { readonly text: string } | { readonly finding: FindingBase };

/**
 * Whether a read failed because the file is not UTF-8 text (PR1016): the file was read and is a
 * pack with an error (exit code 1), not an input that could not be read (exit code 2).
 */
export const isNotText = (finding: FindingBase): boolean => finding.code === PACK_CODES.notUtf8.code;

/** The exit code of a file that readText did not give as text: 1 for a pack that is not UTF-8, else 2. */
export const unreadExit = (finding: FindingBase): number => (isNotText(finding) ? EXIT.errors : EXIT.usage);

/**
 * Reads a UTF-8 text file named as the user wrote it (relative to `cwd`): a pack, a calendar, a
 * template. A failure is a PR9005 finding, never an exception; a file in another encoding (Big5,
 * UTF-16 …) is refused with PR1016 rather than read as garbled text.
 */
export async function readText(cwd: string, file: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    const handle = await openRegular(resolve(cwd, file));
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { finding: unreadable(file, error) };
  }
  const read = utf8Text(bytes);
  if ('encoding' in read)
    return {
      finding: createFinding(
        PACK_CODES.notUtf8,
        { encoding: read.encoding },
        { rule: 'pack.encoding', subject: file, position: { file, line: 1, column: 1 } },
      ),
    };
  return { text: read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text };
}

/** What a path is, by device and inode (symbolic links followed); undefined when it does not exist. */
function identity(path: string): string | undefined {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * The input among `inputs` (files, or folders whose entries are read) that `output` would overwrite:
 * the same device and inode, so that another name, a link or `./` cannot hide it. Undefined when
 * writing `output` destroys no input.
 */
export async function inputAt(cwd: string, output: string, inputs: readonly string[]): Promise<string | undefined> {
  const target = identity(resolve(cwd, output));
  if (target === undefined) return undefined;
  for (const input of inputs) {
    const path = resolve(cwd, input);
    if (identity(path) === target) return input;
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    for (const name of await readdir(path).catch(() => [])) if (identity(join(path, name)) === target) return input;
  }
  return undefined;
}

/** Where to write `target`: the file a symbolic link names (the link stays), and whether it is a regular file or absent (else: a device such as /dev/null, written in place). */
function placeOf(target: string): { path: string; replace: boolean; mode?: number } {
  let path = target;
  try {
    path = realpathSync(target);
  } catch {
    return { path, replace: true };
  }
  const info = statSync(path);
  return info.isFile() ? { path, replace: true, mode: info.mode & 0o7777 } : { path, replace: false };
}

/** Writes text to a file descriptor whole. */
function writeAll(descriptor: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length;) done += writeSync(descriptor, bytes, done);
}

/**
 * Writes a file named as the user wrote it (relative to `cwd`) piece by piece: `write` is given an
 * output that writes each piece at once, so a large report is never held whole. The pieces go to a
 * temporary file in the same folder, which replaces the file only once it is whole and on disk: a
 * full disk or any other failure leaves the file as it was (and no temporary file). A device such as
 * /dev/null is written in place. A failure is a PR9011 finding, never an exception.
 */
export function writePieces(cwd: string, file: string, write: (output: Output) => void): FindingBase | undefined {
  let place: ReturnType<typeof placeOf>;
  try {
    place = placeOf(resolve(cwd, file));
  } catch (error) {
    return unwritable(file, error);
  }
  const temporary = place.replace
    ? join(dirname(place.path), `.${basename(place.path)}.${process.pid}-${Date.now().toString(36)}.tmp`)
    : undefined;
  let descriptor: number;
  try {
    descriptor = temporary
      ? openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, place.mode ?? 0o666)
      : openSync(place.path, 'w');
  } catch (error) {
    return unwritable(file, error);
  }
  let failed: unknown;
  try {
    write({
      write: (text: string) => {
        writeAll(descriptor, text);
      },
    });
    if (temporary) {
      fsyncSync(descriptor);
      if (place.mode !== undefined) chmodSync(temporary, place.mode);
    }
  } catch (error) {
    failed = error;
  } finally {
    closeSync(descriptor);
  }
  try {
    if (failed === undefined && temporary) renameSync(temporary, place.path);
  } catch (error) {
    failed = error;
  }
  if (failed === undefined) return undefined;
  if (temporary) unlinkQuietly(temporary);
  if ((failed as NodeJS.ErrnoException).code === undefined)
    throw failed instanceof Error ? failed : new Error('write failed', { cause: failed });
  return unwritable(file, failed);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** Writes a text file named as the user wrote it (relative to `cwd`), creating its folders, replacing it only once whole (see writePieces); a failure is a PR9011 finding, never an exception. */
export async function writeText(cwd: string, file: string, text: string): Promise<FindingBase | undefined> {
  try {
    await mkdir(dirname(resolve(cwd, file)), { recursive: true });
  } catch (error) {
    return unwritable(file, error);
  }
  return writePieces(cwd, file, (output) => output.write(text));
}
