const CHUNK_BITS = 10;
const CHUNK_ROWS = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK_ROWS - 1;

/**
 * Rows of integer fields in typed arrays: per-student state without an object (or a Map) per
 * student. Fields are numbered by the caller; a new row reads 0 everywhere. Rows live in chunks of
 * 1,024 that are never copied nor freed, so growing costs neither a copy nor a freed block; small
 * enough that a school's half-empty last chunks (one audit per school, sixty at Taipei's scale) waste little.
 */
export class Columns {
  private readonly chunks: Int32Array[] = [];
  private rows = 0;

  constructor(readonly width: number) {}

  get size(): number {
    return this.rows;
  }

  add(): number {
    if ((this.rows & IN_CHUNK) === 0) this.chunks.push(new Int32Array(CHUNK_ROWS * this.width));
    return this.rows++;
  }

  get(row: number, field: number): number {
    return this.chunks[row >>> CHUNK_BITS]![(row & IN_CHUNK) * this.width + field]!;
  }

  set(row: number, field: number, value: number): void {
    this.chunks[row >>> CHUNK_BITS]![(row & IN_CHUNK) * this.width + field] = value;
  }

  increment(row: number, field: number): void {
    this.chunks[row >>> CHUNK_BITS]![(row & IN_CHUNK) * this.width + field]!++;
  }
}
