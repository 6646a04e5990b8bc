import type { Dirent } from 'node:fs';
import { type FileHandle, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import {
  createIntake,
  CSV_FILE_NAMES,
  type DatasetRecord,
  type Finding,
  type FindingBase,
  type Intake,
  type IntakeSummary,
  type ParseResult,
} from '@portfolio-rules/core';
import {
  createCsvRowReader,
  createCsvTable,
  createFinding,
  DATASET_CODES,
  recordTypeForCsvFile,
  suggest,
  unreachable,
} from '@portfolio-rules/core/internal';
import { openRegular, unreadable } from '../_lib/files';
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
  /** `utf-8` (default; Big5 and UTF-16 are detected and refused, naming the option that reads them), or `big5`, `utf-16le`, `utf-16be` (converted while reading). */
  readonly encoding?: Encoding;
  /**
   * Receives every record that passed its checks, in file order. Should it throw, that record is
   * rejected (PR8020, an internal error, at its line) and reading goes on.
   */
  readonly onRecord?: (record: DatasetRecord, place: RecordPlace) => void;
  /** The accounting to add to (a fresh one by default). */
  readonly intake?: Intake;
  /** Told the size of every chunk read from a file, in bytes (a progress bar's measure). */
  readonly onBytes?: (bytes: number) => void;
}

export interface DatasetRead {
  /** `read = checked + rejected`, and the rejected lines with their reasons. */
  readonly summary: IntakeSummary;
  /** Problems with whole files (encoding, CSV headers, unknown or missing files), then records that conflict with earlier ones (PR8022). */
  readonly findings: readonly FindingBase[];
  /** A file could not be read (exit code 2). */
  readonly unreadable: boolean;
  /** The files read, as shown in findings. */
  readonly files: readonly string[];
}

const NDJSON_EXTENSIONS = new Set(['.ndjson', '.jsonl', '.json']);
const KNOWN_NAMES = [...CSV_FILE_NAMES, '*.ndjson', '*.jsonl'];

/**
 * An open file's bytes in 64 KiB chunks, each size told to `onBytes` (the progress bar). Measured on
 * a 150 MB file, read + decode + JSON.parse: 64 KiB costs about a sixth less CPU than 1 MiB and half
 * the peak RSS (a chunk's decoded text stays in V8's young generation; from 128 KiB on it goes to
 * the large-object space, kept until a full GC).
 */
export async function* chunksOf(file: FileHandle, onBytes?: (bytes: number) => void): AsyncIterable<Uint8Array> {
  const stream = file.createReadStream({ highWaterMark: 64 * 1024, autoClose: false });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length);
    yield chunk;
  }
}

type Batches = AsyncIterable<LineBatch | { readonly finding: FindingBase }>;

/** What reading finds besides records: problems with whole files, and records that conflict with earlier ones (PR8022). */
interface Found {
  readonly findings: FindingBase[];
  readonly conflicts: FindingBase[];
}

/**
 * Hands a checked record to `onRecord`, isolated: an unexpected failure there rejects that record
 * (PR8020 at its line) instead of ending the read. A record with the id of an earlier one and other
 * content is handed on too, and the conflict (PR8022) joins the findings.
 */
function deliver(
  result: ParseResult & { ok: true },
  file: string,
  line: number,
  intake: Intake,
  options: ReadOptions,
  conflicts: FindingBase[],
): void {
  if (result.conflict) conflicts.push(result.conflict);
  if (!options.onRecord) return;
  try {
    options.onRecord(result.record, placeOf(file, line));
  } catch (error) {
    intake.reject(internalError(error, file, line), line, { file });
  }
}

/** PR8020: an unexpected failure on the record at `line`. */
export function internalError(error: unknown, file: string | undefined, line: number): Finding {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return createFinding(
    DATASET_CODES.internalError,
    { line, detail },
    {
      rule: 'dataset.record',
      subject: `line ${line}`,
      position: { ...(file !== undefined && { file }), line, column: 1, record: line },
    },
  );
}

/** Reads NDJSON lines through the intake; a file without any line is named (PR8019). */
async function readNdjson(
  batches: Batches,
  file: string,
  intake: Intake,
  options: ReadOptions,
  { findings, conflicts }: Found,
): Promise<void> {
  const parse = { file };
  let lines = 0;
  for await (const batch of batches) {
    if ('finding' in batch) {
      findings.push(batch.finding);
      return;
    }
    batch.forEach(
      (text, line) => {
        lines++;
        const result = intake.accept(text, line, parse);
        if (result.ok) deliver(result, file, line, intake, options, conflicts);
      },
      (finding, line) => {
        lines++;
        intake.count({ ok: false, finding }, line, parse);
      },
    );
  }
  if (lines === 0)
    findings.push(createFinding(DATASET_CODES.emptyFile, { file }, { rule: 'dataset.files', subject: file }));
}

/**
 * Reads a CSV file through the intake: its header row, then each row as a record. A row whose quote
 * never closes or closes badly costs its first line only (PR8012): reading starts again at the line
 * after it (see createCsvRowReader).
 */
async function readCsv(
  batches: Batches,
  file: string,
  intake: Intake,
  options: ReadOptions,
  { findings, conflicts }: Found,
): Promise<void> {
  const spec = recordTypeForCsvFile(file) ?? unreachable(`record type of ${file}`);
  const parse = { file };
  let table: ReturnType<typeof createCsvTable> | undefined;
  let stopped = false;
  const rows = createCsvRowReader(
    (row) => {
      if (stopped) return;
      if (!table) {
        table = createCsvTable(spec, row.cells, parse);
        findings.push(...table.findings);
        stopped = !table.usable;
        return;
      }
      const result = intake.count(table.parseRow(row.cells, row.line), row.line, parse);
      if (result.ok) deliver(result, file, row.line, intake, options, conflicts);
    },
    (line) => {
      if (stopped) return;
      const finding = createFinding(
        DATASET_CODES.csvUnterminatedQuote,
        { line },
        { rule: 'dataset.csv', subject: `line ${line}`, position: placeOf(file, line) },
      );
      intake.count({ ok: false, finding }, line, parse);
    },
    () => (table ? table.width : undefined),
  );
  for await (const batch of batches) {
    if ('finding' in batch) {
      findings.push(batch.finding);
      return;
    }
    batch.forEach(
      (text, line) => rows.push(text, line),
      (finding, line) => {
        if (stopped) return;
        rows.skip(line);
        intake.count({ ok: false, finding }, line, parse);
      },
    );
    // The callbacks above may have set it.
    if (stopped as boolean) return;
  }
  rows.end();
  if (!table)
    findings.push(
      createFinding(
        DATASET_CODES.emptyCsv,
        { type: spec.type },
        { rule: 'dataset.csv', subject: file, position: { file, line: 1, column: 1 } },
      ),
    );
}

/** Why a folder entry is not read (PR8018). */
type SkippedEntry = 'hidden' | 'folder' | 'brokenLink' | 'special';

/** Why a folder entry is not read, or undefined for a file to read (symbolic links followed). */
async function skipReason(folder: string, entry: Dirent): Promise<SkippedEntry | undefined> {
  if (entry.name.startsWith('.')) return 'hidden';
  if (entry.isFile()) return undefined;
  if (entry.isDirectory()) return 'folder';
  if (!entry.isSymbolicLink()) return 'special';
  const target = await stat(join(folder, entry.name)).catch(() => undefined);
  return !target ? 'brokenLink' : target.isFile() ? undefined : target.isDirectory() ? 'folder' : 'special';
}

const unknownFile = (file: string, name: string) => {
  const suggestion = suggest(name, CSV_FILE_NAMES);
  return createFinding(
    DATASET_CODES.unknownFile,
    { file, known: KNOWN_NAMES, ...(suggestion && { suggestion }) },
    { rule: 'dataset.files', subject: file },
  );
};

/**
 * The data files of a path: the file itself, or a folder's NDJSON and known CSV files, sorted, with
 * symbolic links to files followed. Every other entry of the folder is named in a finding with the
 * reason it is not read (PR8016 an unknown name; PR8018 a hidden file, a subfolder, a broken link, a
 * FIFO, socket or device): nothing in the folder goes unmentioned.
 */
async function dataFiles(path: string, shown: string, findings: FindingBase[]): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) {
    if (extname(path).toLowerCase() !== '.csv' || recordTypeForCsvFile(path)) return [path];
    findings.push(unknownFile(shown, basename(path)));
    return [];
  }
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const files: string[] = [];
  for (const entry of entries) {
    const file = join(shown, entry.name);
    const reason = await skipReason(path, entry);
    if (reason)
      findings.push(
        createFinding(DATASET_CODES.skippedEntry, { file, reason }, { rule: 'dataset.files', subject: file }),
      );
    else if (NDJSON_EXTENSIONS.has(extname(entry.name).toLowerCase()) || recordTypeForCsvFile(entry.name))
      files.push(join(path, entry.name));
    else findings.push(unknownFile(file, entry.name));
  }
  return files;
}

/**
 * Streams a dataset — an NDJSON file, a CSV file named for its record type, or a folder of them —
 * through the intake, handing each checked record to `onRecord`. Never throws for bad input:
 * unreadable paths (a FIFO, socket or device is refused, never waited on), encodings and CSV headers
 * come back as findings, and an empty file is named.
 */
export async function readDataset(path: string, options: ReadOptions): Promise<DatasetRead> {
  const intake = options.intake ?? createIntake();
  const findings: FindingBase[] = [];
  const found = { findings, conflicts: [] as FindingBase[] };
  const absolute = resolve(options.cwd, path);
  let files: string[];
  try {
    files = await dataFiles(absolute, path, findings);
  } catch (error) {
    findings.push(unreadable(path, error));
    return { summary: intake.summary(), findings, unreadable: true, files: [] };
  }
  const shownFiles: string[] = [];
  for (const file of files) {
    const shown = relative(options.cwd, file) || file;
    shownFiles.push(shown);
    let handle: FileHandle;
    try {
      handle = await openRegular(file);
    } catch (error) {
      findings.push(unreadable(shown, error));
      continue;
    }
    try {
      const batches = decodeLines(chunksOf(handle, options.onBytes), shown, options.encoding);
      if (extname(file).toLowerCase() === '.csv') await readCsv(batches, shown, intake, options, found);
      else await readNdjson(batches, shown, intake, options, found);
    } catch (error) {
      findings.push(unreadable(shown, error));
    } finally {
      await handle.close();
    }
  }
  const unreadableData =
    findings.some((finding) => finding.severity === 'error') || (files.length === 0 && findings.length > 0);
  return {
    summary: intake.summary(),
    findings: [...findings, ...found.conflicts],
    unreadable: unreadableData,
    files: shownFiles,
  };
}
