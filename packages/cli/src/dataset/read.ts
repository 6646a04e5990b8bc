import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import {
  createIntake,
  CSV_FILE_NAMES,
  type DatasetRecord,
  type FindingBase,
  type Intake,
  type IntakeSummary,
} from '@portfolio-rules/core';
import {
  createCsvSplitter,
  createCsvTable,
  createFinding,
  DATASET_CODES,
  recordTypeForCsvFile,
  suggest,
} from '@portfolio-rules/core/internal';
import { CLI_CODES } from '../codes';
import { decodeLines, type Encoding, type LineBatch } from './decode';

/** Where a record was read, as the position of findings about it (one object per record, handed on as is). */
export interface RecordPlace {
  readonly file: string;
  readonly line: number;
  readonly column: 1;
  readonly record: number;
}

const placeOf = (file: string, line: number): RecordPlace => ({ file, line, column: 1, record: line });

export interface ReadOptions {
  /** The folder relative paths are read from. */
  readonly cwd: string;
  /** `utf-8` (default; Big5 is detected and refused) or `big5` (converted while reading). */
  readonly encoding?: Encoding;
  /** Receives every record that passed its checks, in file order. */
  readonly onRecord?: (record: DatasetRecord, place: RecordPlace) => void;
  /** The accounting to add to (a fresh one by default). */
  readonly intake?: Intake;
  /** Told the size of every chunk read from a file, in bytes (a progress bar's measure). */
  readonly onBytes?: (bytes: number) => void;
}

export interface DatasetRead {
  /** `read = checked + rejected`, and the rejected lines with their reasons. */
  readonly summary: IntakeSummary;
  /** Problems with whole files: encoding, CSV headers, unknown or missing files. */
  readonly findings: readonly FindingBase[];
  /** A file could not be read (exit code 2). */
  readonly unreadable: boolean;
  /** The files read, as shown in findings. */
  readonly files: readonly string[];
}

const NDJSON_EXTENSIONS = new Set(['.ndjson', '.jsonl', '.json']);
const KNOWN_NAMES = [...CSV_FILE_NAMES, '*.ndjson', '*.jsonl'];

/**
 * A file's bytes in 64 KiB chunks, each size told to `onBytes` (the progress bar). Measured on a
 * 150 MB file, read + decode + JSON.parse: 64 KiB costs about a sixth less CPU than 1 MiB and half
 * the peak RSS (a chunk's decoded text stays in V8's young generation; from 128 KiB on it goes to
 * the large-object space, kept until a full GC).
 */
export async function* chunksOf(path: string, onBytes?: (bytes: number) => void): AsyncIterable<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length);
    yield chunk;
  }
}

type Batches = AsyncIterable<LineBatch | { readonly finding: FindingBase }>;

async function readNdjson(
  batches: Batches,
  file: string,
  intake: Intake,
  options: ReadOptions,
  findings: FindingBase[],
): Promise<void> {
  const parse = { file };
  for await (const batch of batches) {
    if ('finding' in batch) {
      findings.push(batch.finding);
      return;
    }
    batch.forEach((text, line) => {
      const result = intake.accept(text, line, parse);
      if (result.ok) options.onRecord?.(result.record, placeOf(file, line));
    });
  }
}

async function readCsv(
  batches: Batches,
  file: string,
  intake: Intake,
  options: ReadOptions,
  findings: FindingBase[],
): Promise<void> {
  const spec = recordTypeForCsvFile(file)!;
  const parse = { file };
  const splitter = createCsvSplitter();
  let table: ReturnType<typeof createCsvTable> | undefined;
  let stopped = false;
  for await (const batch of batches) {
    if ('finding' in batch) {
      findings.push(batch.finding);
      return;
    }
    batch.forEach((text, line) => {
      const row = stopped ? undefined : splitter.push(text, line);
      if (!row) return;
      if (!table) {
        table = createCsvTable(spec, row.cells, parse);
        findings.push(...table.findings);
        stopped = !table.usable;
        return;
      }
      const result = intake.count(table.parseRow(row.cells, row.line), row.line, parse);
      if (result.ok) options.onRecord?.(result.record, placeOf(file, row.line));
    });
    if (stopped) return;
  }
  const open = splitter.unterminated();
  if (open !== undefined) {
    intake.count(
      {
        ok: false,
        finding: createFinding(
          DATASET_CODES.csvUnterminatedQuote,
          { line: open },
          { rule: 'dataset.csv', subject: `line ${open}`, position: placeOf(file, open) },
        ),
      },
      open,
      parse,
    );
  }
  if (!table)
    findings.push(
      createFinding(
        DATASET_CODES.emptyCsv,
        { type: spec.type },
        { rule: 'dataset.csv', subject: file, position: { file, line: 1, column: 1 } },
      ),
    );
}

/** The data files of a path: the file itself, or a folder's NDJSON and known CSV files (sorted; dotfiles ignored). */
async function dataFiles(path: string, shown: string, findings: FindingBase[]): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) {
    if (extname(path).toLowerCase() !== '.csv' || recordTypeForCsvFile(path)) return [path];
    const suggestion = suggest(basename(path), CSV_FILE_NAMES);
    findings.push(
      createFinding(
        DATASET_CODES.unknownFile,
        { file: shown, known: KNOWN_NAMES, ...(suggestion && { suggestion }) },
        { rule: 'dataset.files', subject: shown },
      ),
    );
    return [];
  }
  const names = (await readdir(path, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const files: string[] = [];
  for (const name of names) {
    if (NDJSON_EXTENSIONS.has(extname(name).toLowerCase()) || recordTypeForCsvFile(name)) files.push(join(path, name));
    else {
      const suggestion = suggest(name, CSV_FILE_NAMES);
      findings.push(
        createFinding(
          DATASET_CODES.unknownFile,
          { file: join(shown, name), known: KNOWN_NAMES, ...(suggestion && { suggestion }) },
          { rule: 'dataset.files', subject: join(shown, name) },
        ),
      );
    }
  }
  return files;
}

/**
 * Streams a dataset — an NDJSON file, a CSV file named for its record type, or a folder of them —
 * through the intake, handing each checked record to `onRecord`. Never throws for bad input:
 * unreadable paths, encodings and CSV headers come back as findings.
 */
export async function readDataset(path: string, options: ReadOptions): Promise<DatasetRead> {
  const intake = options.intake ?? createIntake();
  const findings: FindingBase[] = [];
  const absolute = resolve(options.cwd, path);
  let files: string[];
  try {
    files = await dataFiles(absolute, path, findings);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'notFound' : 'other';
    findings.push(createFinding(CLI_CODES.unreadableFile, { file: path, reason }, { rule: 'cli.read', subject: path }));
    return { summary: intake.summary(), findings, unreadable: true, files: [] };
  }
  const shownFiles: string[] = [];
  for (const file of files) {
    const shown = relative(options.cwd, file) || file;
    shownFiles.push(shown);
    const batches = decodeLines(chunksOf(file, options.onBytes), shown, options.encoding);
    try {
      if (extname(file).toLowerCase() === '.csv') await readCsv(batches, shown, intake, options, findings);
      else await readNdjson(batches, shown, intake, options, findings);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      findings.push(
        createFinding(
          CLI_CODES.unreadableFile,
          {
            file: shown,
            reason: code === 'EACCES' || code === 'EPERM' ? 'permission' : 'other',
            ...(code && { detail: code }),
          },
          { rule: 'cli.read', subject: shown },
        ),
      );
    }
  }
  const unreadable =
    findings.some((finding) => finding.severity === 'error') || (files.length === 0 && findings.length > 0);
  return { summary: intake.summary(), findings, unreadable, files: shownFiles };
}
