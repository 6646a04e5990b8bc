/**
 * Rows of integer fields in one typed array that grows as rows are added: per-student state without
 * an object (or a Map) per student. Fields are numbered by the caller; a new row reads 0 everywhere.
 */
export class Columns {
  private data: Int32Array;
  private rows = 0;

  constructor(
    readonly width: number,
    capacity = 1024,
  ) {
    this.data = new Int32Array(width * capacity);
  }

  get size(): number {
    return this.rows;
  }

  add(): number {
    if ((this.rows + 1) * this.width > this.data.length) {
      // Fresh pages stay untouched (and out of RSS) until rows reach them, so doubling costs little.
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    return this.rows++;
  }

  get(row: number, field: number): number {
    return this.data[row * this.width + field]!;
  }

  set(row: number, field: number, value: number): void {
    this.data[row * this.width + field] = value;
  }

  increment(row: number, field: number): void {
    this.data[row * this.width + field]!++;
  }
}
