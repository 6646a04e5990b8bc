import { suggest } from '../_lib/suggest';
import { createFinding } from '../findings/define';
import type { Position, Source } from '../findings/types';
import type { Finding } from '../catalogue';
import type { Pack } from '../pack/schema';
import { CLAUSE_CODES } from './codes';
import { statedNumbers } from './numbers';
import type { Annex, Clause, ClauseTable } from './schema';
import { unreachable } from '../_lib/unreachable';

export { CLAUSE_CODES } from './codes';
export { parseNumber, statedNumbers, type Stated } from './numbers';
export {
  AnnexesSchema,
  AnnexSchema,
  ClauseNumberingSchema,
  ClausesSchema,
  ClauseSchema,
  ClauseTableSchema,
  type Annex,
  type Clause,
  type ClauseTable,
} from './schema';

/** The numbering Taiwanese rules use when a pack gives none: 一、 (一) 1. (1). */
export const DEFAULT_NUMBERING: readonly string[] = ['一、', '(一)', '1.', '(1)'];

/** A clause of the document, with how values cite it and how the document prints its number. */
export interface ClauseEntry {
  /** How a `source:` cites it: `五(三)1` (the numbers of depths 2 and 4 in parentheses). */
  readonly key: string;
  /** Its place in the pack: `clauses.4.clauses.2.clauses.0`. */
  readonly path: string;
  /** 1 for a point (一、), 2 for an item ((一)), 3, 4 … */
  readonly depth: number;
  readonly number: string;
  /** The number as the document prints it: `（三）`, from `clauseNumbering`. */
  readonly label: string;
  readonly heading?: string;
  readonly text?: string;
  readonly table?: ClauseTable;
  readonly closing?: string;
  /** The key of the clause it belongs to. */
  readonly parent?: string;
}

type Text = Pick<Pack, 'clauses' | 'annexes' | 'clauseNumbering'>;

/** A number as written, without the parentheses or 、 a school may copy from its document: `（三）` → `三`. */
const bare = (number: string | number) =>
  String(number)
    .trim()
    .replace(/^[（(]\s*/, '')
    .replace(/\s*[)）]?\s*[、.．。]?$/, '');

/** The number as the document prints it at a depth: the sample's numeral replaced by this one. */
export function printedNumber(
  numbering: readonly string[] | undefined,
  depth: number,
  number: string | number,
): string {
  const samples = numbering && numbering.length > 0 ? numbering : DEFAULT_NUMBERING;
  const sample = samples[Math.min(depth, samples.length) - 1] ?? unreachable('a numbering sample');
  return sample.replace(/[零〇一二兩三四五六七八九十百0-9０-９]+/, bare(number));
}

/** Every clause of the pack's document in order, each with its citation key. */
export function clauseEntries(pack: Text): ClauseEntry[] {
  const entries: ClauseEntry[] = [];
  const visit = (clauses: readonly Clause[], path: string, depth: number, parent?: ClauseEntry) => {
    clauses.forEach((clause, index) => {
      const number = bare(clause.number);
      const entry: ClauseEntry = {
        key: `${parent?.key ?? ''}${depth % 2 === 0 ? `(${number})` : number}`,
        path: `${path}.${index}`,
        depth,
        number,
        label: printedNumber(pack.clauseNumbering, depth, number),
        ...(clause.heading !== undefined && { heading: clause.heading }),
        ...(clause.text !== undefined && { text: clause.text }),
        ...(clause.table !== undefined && { table: clause.table }),
        ...(clause.closing !== undefined && { closing: clause.closing }),
        ...(parent && { parent: parent.key }),
      };
      entries.push(entry);
      if (clause.clauses) visit(clause.clauses, `${entry.path}.clauses`, depth + 1, entry);
    });
  };
  visit(pack.clauses ?? [], 'clauses', 1);
  return entries;
}

/** What one part of a citation names: a clause, an annex, or rows of an annex. */
export type Cited =
  | { readonly kind: 'clause'; readonly entry: ClauseEntry }
  | { readonly kind: 'annex'; readonly annex: Annex; readonly index: number; readonly rows: readonly number[] };

export interface CitedPart {
  readonly part: string;
  readonly cited?: Cited;
}

const squeeze = (text: string | number) => String(text).replace(/\s+/g, '');

/** Rows of an annex one of whose cells is `cell` (`7` for 作業流程 7, `系統維護` for 分工表 系統維護). */
function rowsWith(annex: Annex, cell: string): number[] {
  const wanted = squeeze(cell);
  return annex.rows.flatMap((row, index) => (row.some((value) => squeeze(value) === wanted) ? [index] : []));
}

/**
 * Reads a citation as the packs write it: clauses joined by 、 (`七(二)1、十一(三)1`), an annex alone
 * (`作業流程`) or with a row (`作業流程 7`, `分工表 系統維護`), a range of rows (`作業流程 17–21`), and a
 * row after an annex row (`作業流程 13、14`: row 14 of the same annex).
 */
export function readCitation(citation: string, pack: Text): CitedPart[] {
  const byKey = new Map(clauseEntries(pack).map((entry) => [entry.key, entry]));
  const annexes = pack.annexes ?? [];
  let previous: string | undefined;
  return citation
    .split('、')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part): CitedPart => {
      const entry = byKey.get(part);
      if (entry) {
        previous = undefined;
        return { part, cited: { kind: 'clause', entry } };
      }
      const annexRows = (name: string, rest: string): Cited | undefined => {
        const index = annexes.findIndex((annex) => annex.name === name);
        if (index < 0) return undefined;
        const annex = annexes[index] ?? unreachable(`annex ${index}`);
        if (rest === '') return { kind: 'annex', annex, index, rows: [] };
        const whole = rowsWith(annex, rest);
        if (whole.length > 0) return { kind: 'annex', annex, index, rows: whole };
        const ends = rest.split(/\s*[–—~～]\s*|\s+-\s+/);
        if (ends.length !== 2) return undefined;
        const [first, last] = ends.map((end) => rowsWith(annex, end));
        if (!first?.length || !last?.length) return undefined;
        const from = Math.min(...first);
        const to = Math.max(...last);
        return {
          kind: 'annex',
          annex,
          index,
          rows: annex.rows.map((_, row) => row).filter((row) => row >= from && row <= to),
        };
      };
      const space = part.search(/\s/);
      const name = space < 0 ? part : part.slice(0, space);
      const rest = space < 0 ? '' : part.slice(space).trim();
      const own = annexRows(name, rest);
      if (own) {
        previous = name;
        return { part, cited: own };
      }
      const after = previous === undefined ? undefined : annexRows(previous, part);
      return after ? { part, cited: after } : { part };
    });
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The pack's own citation in a `source:`, or undefined when it cites another document. */
function ownCitation(source: unknown, document: string): string | undefined {
  if (typeof source === 'string') return source;
  if (isPlain(source) && source.document === document && typeof source.clause === 'string') return source.clause;
  return undefined;
}

/** Every `source:` of the pack citing its own document, and every number under it, with the citation that covers it. */
function walk(pack: Pack): {
  sources: { path: string; citation: string }[];
  numbers: { path: string; value: number; citation: string }[];
} {
  const sources: { path: string; citation: string }[] = [];
  const numbers: { path: string; value: number; citation: string }[] = [];
  const visit = (value: unknown, path: string, citation: string | undefined) => {
    if (Array.isArray(value)) {
      value.forEach((inner, index) => visit(inner, `${path}.${index}`, citation));
      return;
    }
    if (!isPlain(value)) {
      if (typeof value === 'number' && citation !== undefined) numbers.push({ path, value, citation });
      return;
    }
    const own = 'source' in value ? ownCitation(value.source, pack.document) : undefined;
    if (own !== undefined) sources.push({ path, citation: own });
    const covering = 'source' in value ? own : citation;
    for (const [key, inner] of Object.entries(value))
      if (key !== 'source') visit(inner, path ? `${path}.${key}` : key, covering);
  };
  for (const [key, value] of Object.entries(pack))
    if (!['clauses', 'annexes', 'clauseNumbering'].includes(key)) visit(value, key, undefined);
  return { sources, numbers };
}

/** A value (or section) of the pack and the clauses its `source:` names in the pack's own document. */
export interface Citation {
  /** The object that carries the `source:`: `caps.courseOutcome.upload`, `windows.3`, `notes.2`. */
  readonly path: string;
  readonly citation: string;
  readonly parts: readonly CitedPart[];
}

/**
 * Every `source:` of the pack that cites its own document, with what each part of it names: which
 * values each clause sets (a clause's values are the paths whose citation names it).
 */
export function citationsOf(pack: Pack): Citation[] {
  return walk(pack).sources.map(({ path, citation }) => ({ path, citation, parts: readCitation(citation, pack) }));
}

/** The words of what a citation names: a clause's heading and text, or an annex's rows. */
function wordsOf(cited: Cited): { text: string; path: string }[] {
  if (cited.kind === 'clause') {
    const { entry } = cited;
    const text = [entry.heading && `${entry.heading}：`, entry.text, entry.closing].filter(Boolean).join('\n');
    return text ? [{ text, path: entry.text !== undefined ? `${entry.path}.text` : entry.path }] : [];
  }
  const rows = cited.rows.length > 0 ? cited.rows : cited.annex.rows.map((_, row) => row);
  return rows.map((row) => ({
    text: (cited.annex.rows[row] ?? unreachable(`row ${row}`)).map(String).join('\n'),
    path: `annexes.${cited.index}.rows.${row}`,
  }));
}

/** Where `phrase` stands in the pack's YAML, looking from the line of `start` on; else `start`. */
function phrasePosition(yaml: readonly string[], start: Position | undefined, phrase: string): Position | undefined {
  if (!start) return undefined;
  for (let line = start.line - 1; line < yaml.length; line++) {
    const column = (yaml[line] ?? unreachable(`line ${line}`)).indexOf(
      phrase,
      line === start.line - 1 ? start.column - 1 : 0,
    );
    if (column >= 0) return { ...start, line: line + 1, column: column + 1 };
  }
  return start;
}

const CLASSES_START_WORDS = /開學/;

/**
 * A window that counts from `termStart` (1 Aug / 1 Feb) while the clause it cites speaks of 開學 (the
 * first day of classes, `classesStart`, weeks later): the window would open or close weeks early (PR1032).
 */
function termStartForClassesStart(
  pack: Pack,
  positions: Readonly<Record<string, Position>>,
  yaml: readonly string[],
  layer: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const { path, parts } of citationsOf(pack)) {
    const match = /^windows\.(\d+)$/.exec(path);
    const window = match ? pack.windows?.[Number(match[1])] : undefined;
    if (!window) continue;
    const fields = (['opens', 'closes'] as const).filter((field) => {
      const rule = window[field];
      return typeof rule === 'object' && 'anchor' in rule && rule.anchor === 'termStart';
    });
    if (fields.length === 0) continue;
    const said = parts.flatMap(({ part, cited }) =>
      cited
        ? wordsOf(cited).flatMap((words) => {
            const found = CLASSES_START_WORDS.exec(words.text);
            if (!found) return [];
            // The phrase that says it: the clause or cell cut at its punctuation (「開學 2週內」, 「開學日起二週內」).
            const phrase =
              words.text.split(/[\n，。；：、]/).find((piece) => CLASSES_START_WORDS.test(piece)) ?? found[0];
            return [{ part, phrase: phrase.trim(), path: words.path }];
          })
        : [],
    );
    const first = said[0];
    if (!first) continue;
    const source: Source = { document: pack.document, clause: first.part };
    const clausePosition = phrasePosition(yaml, positions[first.path], first.phrase);
    for (const field of fields) {
      const position = positions[`${path}.${field}.anchor`] ?? positions[path];
      findings.push(
        createFinding(
          CLAUSE_CODES.termStartForClassesStart,
          { path, field, phrase: first.phrase, source, ...(clausePosition && { clausePosition }) },
          {
            rule: 'windows.anchor',
            subject: `${path}.${field}`,
            source,
            layer,
            ...(clausePosition && { related: [{ layer, source, position: clausePosition }] }),
            ...(position && { position }),
          },
        ),
      );
    }
  }
  return findings;
}

export interface ClauseCheckInput {
  readonly pack: Pack;
  readonly positions: Readonly<Record<string, Position>>;
  readonly file?: string;
}

/**
 * The pack's values against its own document's text, when it carries one (`clauses`, `annexes`): a
 * `source:` citing a clause or annex row the pack does not hold (PR1030), and a value whose clause
 * states another number where that can be seen — `至多 6 件` and `max: 5` (PR1031, with the
 * position of both).
 */
export function checkClauses(input: ClauseCheckInput, yamlText: string): Finding[] {
  const { pack, positions } = input;
  if (!pack.clauses && !pack.annexes) return [];
  const keys = clauseEntries(pack).map((entry) => entry.key);
  const names = (pack.annexes ?? []).map((annex) => annex.name);
  const { numbers } = walk(pack);
  const findings: Finding[] = [];
  const layer = `${pack.kind === 'overlay' ? 'overlay' : 'school'}:${pack.id}`;
  const ofDocument = (clause: string): Source => ({ document: pack.document, clause });
  for (const { path, citation, parts } of citationsOf(pack)) {
    for (const { part, cited } of parts) {
      if (cited) continue;
      const suggestion = suggest(part, [...keys, ...names]);
      const sourcePath = `${path}.source`;
      const position = positions[sourcePath] ?? positions[path];
      findings.push(
        createFinding(
          CLAUSE_CODES.unknownClause,
          { path, citation, clause: part, source: ofDocument(part), ...(suggestion && { suggestion }) },
          { rule: 'pack.clauses', subject: sourcePath, source: ofDocument(part), layer, ...(position && { position }) },
        ),
      );
    }
  }
  const yaml = yamlText.split(/\r?\n/);
  findings.push(...termStartForClassesStart(pack, positions, yaml, layer));
  for (const { path, value, citation } of numbers) {
    for (const { part, cited } of readCitation(citation, pack)) {
      if (!cited) continue;
      for (const words of wordsOf(cited)) {
        const stated = statedNumbers(path, words.text);
        const values = new Set(stated.map((entry) => entry.value));
        if (values.size !== 1 || values.has(value)) continue;
        const { phrase, value: said } = stated[0] ?? unreachable('a stated number');
        const clausePosition = phrasePosition(yaml, positions[words.path], phrase);
        const position = positions[path];
        findings.push(
          createFinding(
            CLAUSE_CODES.numberDisagrees,
            { path, value, stated: said, phrase, source: ofDocument(part), ...(clausePosition && { clausePosition }) },
            {
              rule: 'pack.clauses',
              subject: path,
              source: ofDocument(part),
              layer,
              related: [
                { layer, source: ofDocument(part), value: said, ...(clausePosition && { position: clausePosition }) },
              ],
              ...(position && { position }),
            },
          ),
        );
      }
    }
  }
  return findings;
}
