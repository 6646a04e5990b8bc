/** A table as data: the formatters (Markdown, HTML) only lay it out and escape it. */
export interface Table {
  readonly caption?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /**
   * Written as the school's document writes it, a merged cell repeated on each row and column it
   * spans: equal neighbouring cells print as one (see `blocksOf`).
   */
  readonly merged?: boolean;
}

/** One printed cell: its text and how many rows and columns it spans from where it starts. */
export interface Block {
  readonly text: string;
  readonly row: number;
  readonly column: number;
  rows: number;
  readonly columns: number;
}

/** A cell that may merge with its neighbours: text, not a mark (`V`, `✓`) nor empty, which stand for their own column. */
const mergeable = (text: string) => [...text.trim()].length > 1;

/**
 * The printed cells of rows whose merged cells are repeated: a cell equal to its left neighbour
 * joins it (`[項目, 項目]`); a run of cells equal to the run above joins it when the cell to its
 * left spans both rows too, so that merges nest as the document's do (a unit repeated under two
 * different items stays two cells). Empty cells and one-character marks never merge.
 * `grid[row][column]` is the block that covers that cell.
 */
export function blocksOf(rows: readonly (readonly string[])[]): { blocks: Block[]; grid: Block[][] } {
  const blocks: Block[] = [];
  const grid: Block[][] = [];
  rows.forEach((cells, row) => {
    const line: Block[] = [];
    grid.push(line);
    let column = 0;
    while (column < cells.length) {
      const text = cells[column] ?? '';
      let span = 1;
      while (mergeable(text) && column + span < cells.length && cells[column + span] === text) span++;
      const above = grid[row - 1]?.[column];
      const nested = column === 0 || grid[row - 1]?.[column - 1] === line[column - 1];
      const joins =
        above !== undefined &&
        mergeable(text) &&
        nested &&
        above.column === column &&
        above.columns === span &&
        above.text === text;
      const block = joins ? above : { text, row, column, rows: 1, columns: span };
      if (joins) block.rows++;
      else blocks.push(block);
      for (let covered = 0; covered < span; covered++) line.push(block);
      column += span;
    }
  });
  return { blocks, grid };
}
