// Generators that take a real input apart: edits to its values and keys (on the parsed tree), to its
// text (hostile tokens, lines cut, moved or re-indented) and to its bytes. Each is a fast-check
// arbitrary of edits applied to a seed, so a failing case shrinks to the fewest, smallest edits.
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

/** Keys a hostile file reaches for: the prototype's, misspellings, empty, control characters, very long. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'polluted',
  '',
  ' ',
  'uplaod',
  'Max',
  'max ',
  '學期',
  'a\u0000b',
  '\u001b[31mred',
  '\u202etxt',
  'k'.repeat(300),
] as const;

/** Values at the edges: numbers YAML and JSON read differently, dates and terms that overflow, strings that break outputs. */
export const HOSTILE_VALUES: readonly unknown[] = [
  0,
  -0,
  -1,
  1.5,
  Infinity,
  -Infinity,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 53,
  1e21,
  NaN,
  '',
  ' ',
  'null',
  '~',
  'true',
  'yes',
  'no',
  '0x1F',
  '0o17',
  '1e309',
  '.inf',
  '.nan',
  '00101',
  '11203',
  '11200',
  '99999',
  '112-3',
  '2024-02-30',
  '2024-13-01',
  '9999-12-31',
  '+275760-09-13',
  '0000-00-00',
  '112/10/09',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '| a | b |\n|---|',
  '\u001b]0;owned\u0007',
  '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007',
  '\u001b[2J\u001b[H',
  '\r\u0007\u0008',
  '\u0085\u009b31m',
  '\u202eevil\u202c',
  '\u2066iso\u2069',
  '\u2028\u2029',
  'a\u0000b',
  '\ud800',
  '\ufeffbom',
  ']]>&<"\'',
  '"quoted"',
  '學'.repeat(3000),
  'x'.repeat(70_000),
  [],
  {},
  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
  { __proto__: null, polluted: true },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  null,
  true,
  false,
];

/** A value to put in place of another: an edge case, or a random JSON value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

type Tree = unknown;
type Path = readonly (string | number)[];

/** Every path in a tree, the root included. */
function pathsOf(tree: Tree, path: Path = [], into: Path[] = []): Path[] {
  into.push(path);
  if (Array.isArray(tree)) tree.forEach((item, index) => pathsOf(item, [...path, index], into));
  else if (tree !== null && typeof tree === 'object')
    for (const [key, value] of Object.entries(tree)) pathsOf(value, [...path, key], into);
  return into;
}

export type TreeEdit =
  | { readonly kind: 'set'; readonly pick: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'rename'; readonly pick: number; readonly key: string }
  | { readonly kind: 'add'; readonly pick: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'wrap'; readonly pick: number }
  | { readonly kind: 'copy'; readonly pick: number; readonly to: number };

export const treeEdit: fc.Arbitrary<TreeEdit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), key: hostileKey }),
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), key: hostileKey, value: hostileValue }),
  fc.record({ kind: fc.constant('wrap' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), pick: fc.nat(), to: fc.nat() }),
);

const get = (tree: Tree, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], tree);

/** Sets a key as an own property, `__proto__` included (plain assignment would change the prototype). */
function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies edits to a copy of a tree (a parsed pack, record, calendar …). */
export function editTree(tree: Tree, edits: readonly TreeEdit[]): Tree {
  let root = structuredClone(tree);
  for (const edit of edits) {
    const paths = pathsOf(root);
    const path = paths[edit.pick % paths.length]!;
    const parentPath = path.slice(0, -1);
    const key = path.at(-1);
    const parent = path.length === 0 ? undefined : (get(root, parentPath) as Record<string | number, unknown>);
    const node = get(root, path);
    switch (edit.kind) {
      case 'set':
        if (parent === undefined || key === undefined) root = edit.value;
        else define(parent, key, structuredClone(edit.value));
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else if (parent !== undefined) delete parent[key as string];
        break;
      case 'rename':
        if (parent !== undefined && !Array.isArray(parent) && typeof key === 'string') {
          const entries = Object.entries(parent).map(([k, v]) => [k === key ? edit.key : k, v] as const);
          for (const k of Object.keys(parent)) delete parent[k];
          for (const [k, v] of entries) define(parent, k, v);
        }
        break;
      case 'add':
        if (node !== null && typeof node === 'object' && !Array.isArray(node))
          define(node, edit.key, structuredClone(edit.value));
        else if (Array.isArray(node)) node.push(structuredClone(edit.value));
        break;
      case 'wrap':
        if (parent !== undefined && key !== undefined) define(parent, key, [node]);
        break;
      case 'copy': {
        const target = paths[edit.to % paths.length]!;
        const targetParent = target.length === 0 ? undefined : get(root, target.slice(0, -1));
        if (targetParent !== null && typeof targetParent === 'object' && target.length > 0)
          define(targetParent, target.at(-1)!, structuredClone(node));
        break;
      }
    }
  }
  return root;
}

/** Pieces of YAML that the parser and the loader must refuse or bound: anchors, aliases, merge keys, tags, directives, flow. */
export const YAML_TOKENS = [
  ':',
  ': ',
  '- ',
  '? ',
  '\n',
  '\n  ',
  '\n    ',
  '\t',
  '\r',
  '\r\n',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '"',
  "'",
  '|',
  '>-',
  '#',
  '&a ',
  '*a',
  '<<: *a\n',
  '&k __proto__',
  '*k : 1',
  '!!binary ',
  '!!timestamp ',
  '!!set ',
  '!!omap ',
  '!!str ',
  '!!int ',
  '!!float ',
  '!!js/function ',
  '!foo ',
  '!<tag:example.com,2024:x> ',
  '%YAML 1.1\n',
  '%TAG ! tag:example.com,2024:\n',
  '---\n',
  '...\n',
  '__proto__: { polluted: true }\n',
  'constructor: { prototype: { polluted: true } }\n',
  '1e309',
  '-.inf',
  '.nan',
  '0x7fffffffffffffffff',
  '00101',
  '9999-12-31',
  '\u0000',
  '\u001b[31m',
  '\u001b]0;owned\u0007',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\u0085',
  '學期',
] as const;

/** A billion-laughs alias bomb, a deep flow nest, a merge of a merge: whole blocks to drop into a file. */
export const YAML_BLOCKS = [
  `lol: &a [x, x, x, x, x, x, x, x, x, x]\nlol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nlol3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nlol4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\nlol5: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
  `deep: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`,
  `deep: ${'{a: '.repeat(300)}1${'}'.repeat(300)}\n`,
  `base: &base { max: 6 }\nmerged: { <<: [*base, *base], <<: *base }\n`,
  `self: &s [*s]\n`,
  `? - a\n  - b\n: c\n`,
  `notes: "${'x'.repeat(600_000)}"\n`,
  `${'k: v\n'.repeat(3)}`,
] as const;

export type TextEdit =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'line'; readonly at: number; readonly op: 'drop' | 'repeat' | 'indent' | 'dedent' | 'swap' }
  | { readonly kind: 'truncate'; readonly at: number };

/** Text edits: tokens from the given list (or random text) put in, ranges taken out, lines moved. */
export function textEdit(tokens: readonly string[]): fc.Arbitrary<TextEdit> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...tokens) },
          { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
        ),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(40) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('line' as const),
        at: fc.nat(),
        op: fc.constantFrom('drop' as const, 'repeat' as const, 'indent' as const, 'dedent' as const, 'swap' as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  );
}

export function editText(text: string, edits: readonly TextEdit[]): string {
  let current = text;
  for (const edit of edits) {
    const at = edit.at % (current.length + 1);
    switch (edit.kind) {
      case 'insert':
        current = current.slice(0, at) + edit.text + current.slice(at);
        break;
      case 'delete':
        current = current.slice(0, at) + current.slice(at + edit.length);
        break;
      case 'truncate':
        current = current.slice(0, at);
        break;
      case 'line': {
        const lines = current.split('\n');
        const index = edit.at % lines.length;
        const line = lines[index]!;
        if (edit.op === 'drop') lines.splice(index, 1);
        else if (edit.op === 'repeat') lines.splice(index, 0, line);
        else if (edit.op === 'indent') lines[index] = `  ${line}`;
        else if (edit.op === 'dedent') lines[index] = line.replace(/^ {1,2}/, '');
        else if (index + 1 < lines.length) [lines[index], lines[index + 1]] = [lines[index + 1]!, line];
        current = lines.join('\n');
        break;
      }
    }
  }
  return current;
}

/** How a tree is written back as YAML: block or flow, plain or quoted, with or without anchors for repeats. */
export const yamlStyle = fc.record({
  flowLevel: fc.constantFrom(-1, -1, 0, 1, 2),
  defaultStringType: fc.constantFrom(
    'PLAIN' as const,
    'PLAIN' as const,
    'QUOTE_DOUBLE' as const,
    'BLOCK_LITERAL' as const,
  ),
  aliasDuplicateObjects: fc.boolean(),
});

/**
 * A YAML document mutated from a seed: parsed, its tree edited and written back in some style (half
 * the cases stop there: valid YAML that reaches the schema and the rules), then its text edited or a
 * hostile block added. Shrinks to the fewest edits that still fail.
 */
export function mutatedYaml(seeds: readonly string[]): fc.Arbitrary<string> {
  const trees = seeds.map((seed) => parse(seed) as unknown);
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as TextEdit[]) },
    { weight: 2, arbitrary: fc.array(textEdit(YAML_TOKENS), { minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.array(textEdit(YAML_TOKENS), { minLength: 2, maxLength: 5 }) },
  );
  return fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      tree: fc.array(treeEdit, { maxLength: 4 }),
      style: fc.option(yamlStyle, { freq: 2 }),
      text,
      block: fc.oneof(
        { weight: 9, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.record({ at: fc.nat(), block: fc.constantFrom(...YAML_BLOCKS) }) },
      ),
    })
    .map(({ seed, tree, style, text, block }) => {
      const base =
        style || tree.length > 0 ? stringify(editTree(trees[seed], tree), { ...style, lineWidth: 0 }) : seeds[seed]!;
      const edited = editText(base, text);
      if (!block) return edited;
      const lines = edited.split('\n');
      const at = block.at % (lines.length + 1);
      return [...lines.slice(0, at), block.block.trimEnd(), ...lines.slice(at)].join('\n');
    });
}

export type ByteEdit =
  | { readonly kind: 'flip'; readonly at: number; readonly byte: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: readonly number[] };

/** Byte sequences that are not UTF-8, or are encodings a school might send (Big5 中文, UTF-16 BOMs, NUL). */
const BYTE_RUNS: readonly (readonly number[])[] = [
  [0xff],
  [0xfe, 0xff],
  [0xff, 0xfe],
  [0xef, 0xbb, 0xbf],
  [0xa4, 0xa4, 0xa4, 0xe5],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe5, 0xad],
  [0x00],
  [0x1b, 0x5b, 0x33, 0x31, 0x6d],
  [0x0d],
];

export const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.nat(255) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.constantFrom(...BYTE_RUNS) }),
);

export function editBytes(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  let current = bytes;
  for (const edit of edits) {
    const at = edit.at % (current.length + 1);
    if (edit.kind === 'flip' && current.length > 0) {
      current = Uint8Array.from(current);
      current[at % current.length] = edit.byte;
    } else if (edit.kind === 'insert') {
      current = Uint8Array.from([...current.subarray(0, at), ...edit.bytes, ...current.subarray(at)]);
    }
  }
  return current;
}

/** A shuffle of a list by a list of random keys (fast-check shrinks the keys toward the original order). */
export function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: keys[index % Math.max(keys.length, 1)] ?? 0, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ item }) => item);
}
