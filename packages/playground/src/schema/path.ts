// Where the cursor is in a YAML pack, as a path of keys (`caps`, `diversePerformance`, `select`),
// read from indentation alone, so that it works on the half-written text being typed, which a YAML
// parser would refuse. Sequence items are the segment `[]`.

export interface YamlPlace {
  /** The keys of the mappings around the cursor, outermost first; `[]` for a sequence item. */
  readonly path: readonly string[];
  /** A key is being written (no colon before the cursor on its line), or the value of `key`. */
  readonly kind: 'key' | 'value';
  /** For a value: the key it belongs to. */
  readonly key?: string;
  /** The word written so far at the cursor: what completion replaces. */
  readonly word: string;
  /** Where that word starts (an offset into the text). */
  readonly from: number;
}

interface Line {
  /** Where the key's first character is (after any `- ` markers). */
  readonly indent: number;
  /** Columns of the `- ` markers on the line, outermost first. */
  readonly dashes: readonly number[];
  /** The key the line opens (`select` for `select:` or `select: 10`), if any. */
  readonly key?: string;
}

const KEY = /^([^\s#'"{}[\],&*!|>%@`][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s|$)/;

/** A line's shape: its `- ` markers, its indentation and the key it opens. */
function shape(text: string): Line | undefined {
  let at = 0;
  const dashes: number[] = [];
  for (;;) {
    while (text[at] === ' ') at++;
    if (text[at] === '-' && (text[at + 1] === ' ' || at + 1 === text.length)) {
      dashes.push(at);
      at++;
      continue;
    }
    break;
  }
  const rest = text.slice(at);
  if (rest === '' || rest.startsWith('#')) return dashes.length > 0 ? { indent: at, dashes } : undefined;
  const key = KEY.exec(rest)?.[1]?.replace(/^["']|["']$/g, '');
  return { indent: at, dashes, ...(key !== undefined && { key }) };
}

/** The path of keys that holds a line whose key starts at column `indent`, from the lines above it. */
function parents(lines: readonly string[], row: number, indent: number, own: readonly number[]): string[] {
  const path: string[] = own.map(() => '[]');
  let limit = own[0] ?? indent;
  // Inside a sequence item whose `- ` is at `limit`: its key may stand at that same column.
  let sequence = own.length > 0;
  for (let above = row - 1; above >= 0 && (limit > 0 || sequence); above--) {
    const line = shape(lines[above] ?? '');
    if (!line) continue;
    if (line.key !== undefined && (line.indent < limit || (sequence && line.indent === limit))) {
      path.unshift(line.key);
      limit = line.indent;
      sequence = false;
    }
    const items = line.dashes.filter((column) => column < limit);
    if (items.length > 0) {
      path.unshift(...items.map(() => '[]'));
      limit = items[0] ?? limit;
      sequence = true;
    }
  }
  return path;
}

/** The place of the cursor at `offset` in `text`. */
export function placeAt(text: string, offset: number): YamlPlace {
  const before = text.slice(0, offset);
  const row = before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lines = text.split('\n');
  const written = before.slice(lineStart);
  const word = /[^\s:{},[\]'"]*$/.exec(written)?.[0] ?? '';
  const from = offset - word.length;
  const line = shape(lines[row] ?? '') ?? { indent: written.length - written.trimStart().length, dashes: [] };
  const colon = KEY.exec(written.slice(line.indent));
  const path = parents(lines, row, line.indent, line.dashes);
  if (colon?.[1] !== undefined) {
    const key = colon[1].replace(/^["']|["']$/g, '');
    return { path, kind: 'value', key, word, from };
  }
  return { path, kind: 'key', word, from };
}
