// Where the cursor is in a YAML pack, as a path of keys (`caps`, `diversePerformance`, `select`),
// read from indentation alone, so that it works on the half-written text being typed, which a YAML
// parser would refuse. Sequence items are the segment `[]`.

export interface YamlPlace {
  /** The keys of the mappings around the cursor, outermost first; `[]` for a sequence item. */
  readonly path: readonly string[];
  /** A key is being written, or the value of `key`; `none` in a comment. */
  readonly kind: 'key' | 'value' | 'none';
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
  const path = parents(lines, row, line.indent, line.dashes);
  const flow = flowPlace(written.slice(line.indent));
  return {
    path: [...path, ...flow.path],
    kind: flow.kind,
    ...(flow.key !== undefined && { key: flow.key }),
    word,
    from,
  };
}

/**
 * Where the cursor is within one line's text (after its indentation and `- ` markers), through
 * flow collections: `upload: { max: 6, per: |` is the value of `per` in `upload`; `deputies: [a, |`
 * an item of `deputies`. Quoted text is skipped; a collection left open on an earlier line is not seen.
 */
function flowPlace(written: string): { path: string[]; kind: YamlPlace['kind']; key?: string } {
  const path: string[] = [];
  /** How many segments each open `{` or `[` added to the path. */
  const opened: number[] = [];
  let key: string | undefined;
  let at = 0;
  while (at < written.length) {
    const rest = written.slice(at);
    const quoted = /^("[^"]*"?|'[^']*'?)/.exec(rest);
    const named = /^([^\s#'"{}[\],:][^{}[\],:#]*?)\s*:(?:\s|$)/.exec(rest);
    if (named?.[1] !== undefined) {
      key = named[1].trim();
      at += named[0].length;
      continue;
    }
    const char = written[at] ?? '';
    if (quoted) at += quoted[0].length;
    else if (char === '#' && (at === 0 || written[at - 1] === ' ')) return { path, kind: 'none' };
    else {
      if (char === '{' || char === '[') {
        const segments = [...(key === undefined ? [] : [key]), ...(char === '[' ? ['[]'] : [])];
        path.push(...segments);
        opened.push(segments.length);
      }
      if (char === '}' || char === ']') path.splice(path.length - (opened.pop() ?? 0));
      if ('{[,}]'.includes(char)) key = undefined;
      at++;
    }
  }
  if (key !== undefined) return { path, kind: 'value', key };
  return { path, kind: path.at(-1) === '[]' ? 'value' : 'key' };
}
