import { unreachable } from '../../_lib/unreachable';

const CHUNK_BITS = 10;
const CHUNK_ROWS = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK_ROWS - 1;

const fitsNarrow = (value: number) => (value << 16) >> 16 === value;

/**
 * Rows of integer fields in typed arrays: per-student state without an object (or a Map) per
 * student. Fields are numbered by the caller; a new row reads 0 everywhere. Rows live in chunks of
 * 1,024 that are never copied nor freed, so growing costs neither a copy nor a freed block; small
 * enough that a school's half-empty last chunks (one audit per school, sixty at Taipei's scale) waste little.
 * Values are kept in 16 bits until one does not fit: then every chunk is widened to 32 bits, once.
 */
export class Columns {
  private readonly chunks: (Int16Array | Int32Array)[] = [];
  private rows = 0;
  private wide = false;

  constructor(readonly width: number) {}

  get size(): number {
    return this.rows;
  }

  add(): number {
    if ((this.rows & IN_CHUNK) === 0)
      this.chunks.push(this.wide ? new Int32Array(CHUNK_ROWS * this.width) : new Int16Array(CHUNK_ROWS * this.width));
    return this.rows++;
  }

  get(row: number, field: number): number {
    return this.chunk(row)[(row & IN_CHUNK) * this.width + field] ?? unreachable(`field ${field} of row ${row}`);
  }

  set(row: number, field: number, value: number): void {
    if (!this.wide && !fitsNarrow(value)) this.widen();
    this.chunk(row)[(row & IN_CHUNK) * this.width + field] = value;
  }

  private chunk(row: number): Int16Array | Int32Array {
    return this.chunks[row >>> CHUNK_BITS] ?? unreachable(`row ${row}`);
  }

  increment(row: number, field: number): void {
    this.set(row, field, this.get(row, field) + 1);
  }

  private widen(): void {
    for (const [index, chunk] of this.chunks.entries()) this.chunks[index] = Int32Array.from(chunk);
    this.wide = true;
  }
}
