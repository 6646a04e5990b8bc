import { suggest } from '../_lib/suggest';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import { DATASET_CODES } from './codes';
import { lineContext, parseRecordValue, type ParseOptions, type ParseResult } from './parse';
import { columnsOf, type Column, type RecordTypeSpec } from './registry';

/** A CSV file's header, checked: rows are read against it. */
export interface CsvTable {
  readonly spec: RecordTypeSpec;
  /** Header problems: unknown or missing columns. When any is an error, no row can be read. */
  readonly findings: readonly Finding[];
  readonly usable: boolean;
  /** How many cells a row has: the header's. */
  readonly width: number;
  /** Reads one row (its cells and the line it starts on) into a record or a finding. */
  parseRow(cells: readonly string[], lineNumber: number): ParseResult;
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE = new Set(['false', '0', 'no', 'n', '否']);
const NUMBER = /^-?\d+(\.\d+)?$/;

/** `report.pdf:3.2; talk.mp4:9.5` → file references, the type from the extension. */
function readFiles(cell: string): unknown {
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const colon = part.lastIndexOf(':');
      const name = colon > 0 ? part.slice(0, colon).trim() : part;
      const size = colon > 0 ? part.slice(colon + 1).trim() : '';
      const type = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
      return { name, type, megabytes: NUMBER.test(size) ? Number(size) : size };
    });
}

/** A cell as the value its column expects; left as text when it does not fit, so the schema names the problem. */
function readCell(cell: string, column: Column): unknown {
  switch (column.kind) {
    case 'number':
      return NUMBER.test(cell.trim()) ? Number(cell) : cell;
    case 'boolean': {
      const lower = cell.trim().toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : cell;
    }
    case 'files':
      return readFiles(cell);
    default:
      return cell;
  }
}

/**
 * Checks a CSV header against a record type's columns (the field names of the NDJSON record,
 * without `type`; a leading BOM is ignored) and returns a reader for its rows. Empty cells are
 * absent fields.
 */
export function createCsvTable(spec: RecordTypeSpec, header: readonly string[], options: ParseOptions = {}): CsvTable {
  const columns = columnsOf(spec);
  const known = new Map(columns.map((column) => [column.name, column]));
  const names = header.map((name, index) => (index === 0 ? name.replace(/^\uFEFF/, '') : name).trim());
  const position = { ...(options.file !== undefined && { file: options.file }), line: 1, column: 1 };
  const context = { rule: 'dataset.csv', subject: options.file ?? spec.csvFile, position };
  const findings: Finding[] = [];
  names.forEach((name) => {
    if (known.has(name)) return;
    const suggestion = suggest(name, [...known.keys()]);
    findings.push(
      createFinding(
        DATASET_CODES.csvUnknownColumn,
        { type: spec.type, column: name, ...(suggestion && { suggestion }) },
        context,
      ),
    );
  });
  for (const column of columns) {
    if (column.required && !names.includes(column.name))
      findings.push(createFinding(DATASET_CODES.csvMissingColumn, { type: spec.type, column: column.name }, context));
  }
  const byIndex = names.map((name) => known.get(name));
  return {
    spec,
    findings,
    usable: findings.length === 0,
    width: names.length,
    parseRow(cells, lineNumber) {
      if (cells.length === 1 && cells[0]?.trim() === '' && names.length > 1) {
        return {
          ok: false,
          finding: createFinding(DATASET_CODES.blankLine, { line: lineNumber }, lineContext(lineNumber, options)),
        };
      }
      if (cells.length !== names.length) {
        return {
          ok: false,
          finding: createFinding(
            DATASET_CODES.csvColumnCount,
            { line: lineNumber, expected: names.length, received: cells.length },
            lineContext(lineNumber, options),
          ),
        };
      }
      const value: Record<string, unknown> = { type: spec.type };
      cells.forEach((cell, index) => {
        const column = byIndex[index];
        if (column && cell !== '') value[column.name] = readCell(cell, column);
      });
      return parseRecordValue(value, lineNumber, options);
    },
  };
}
