import {
  type Annex,
  clauseEntries,
  type ClauseTable,
  dateWords,
  type Language,
  type Pack,
  parseTerm,
  termWords,
  unreachable,
} from '@portfolio-rules/core/internal';
import type { Table } from './table';

/** A clause of the document as printed: its number, heading, paragraphs, table, sub-clauses and closing paragraph. */
export interface ClauseBlock {
  /** How values cite it: `五(三)1`. */
  readonly key: string;
  /** Its number as the document prints it: `五、`, `（三）`. */
  readonly label: string;
  readonly heading?: string;
  readonly paragraphs: readonly string[];
  readonly table?: Table;
  readonly clauses: readonly ClauseBlock[];
  readonly closing: readonly string[];
}

/** A table annexed to the document (分工表, 作業流程), as written. */
export interface AnnexBlock {
  readonly name: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly table: Table;
}

/** The document's own words: title, adoption history, when it applies, its clauses and annexed tables. */
export interface DocumentText {
  readonly title: string;
  readonly history: readonly string[];
  readonly applies?: string;
  readonly clauses: readonly ClauseBlock[];
  readonly annexes: readonly AnnexBlock[];
}

type DocumentPack = Pick<
  Pack,
  'name' | 'adopted' | 'appliesFrom' | 'appliesUntil' | 'clauses' | 'annexes' | 'clauseNumbering'
>;

const paragraphsOf = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

const cells = (row: readonly (string | number)[]) => row.map(String);

const tableOf = (table: ClauseTable | Annex): Table => ({
  columns: cells(table.columns),
  rows: table.rows.map(cells),
  merged: true,
});

/** The clauses as a tree, numbered as the document prints them. */
export function clauseBlocks(pack: Pick<Pack, 'clauses' | 'clauseNumbering'>): ClauseBlock[] {
  const roots: ClauseBlock[] = [];
  const children = new Map<string, ClauseBlock[]>();
  for (const entry of clauseEntries(pack)) {
    const clauses: ClauseBlock[] = [];
    children.set(entry.key, clauses);
    const block: ClauseBlock = {
      key: entry.key,
      label: entry.label,
      ...(entry.heading !== undefined && { heading: entry.heading }),
      paragraphs: paragraphsOf(entry.text),
      ...(entry.table && { table: tableOf(entry.table) }),
      clauses,
      closing: paragraphsOf(entry.closing),
    };
    (entry.parent === undefined ? roots : (children.get(entry.parent) ?? unreachable(`clause ${entry.parent}`))).push(
      block,
    );
  }
  return roots;
}

/** A number as printed before its text: an Arabic number closed by a half-width mark (`1.`, `(1)`) is followed by a space, as the documents print it. */
export function spacedLabel(label: string): string {
  return /[0-9][^0-9]*[.)]$/.test(label) ? `${label} ` : label;
}

/** The first line of a clause as printed: `（一）基本資料：` and its first paragraph. */
export function clauseOpening(block: ClauseBlock): string {
  return `${spacedLabel(block.label)}${block.heading !== undefined ? `${block.heading}：` : ''}${block.paragraphs[0] ?? ''}`;
}

/** A clause and everything under it as lines of text, each with its depth below the clause (0 for its own). */
export function clauseLines(block: ClauseBlock, depth = 0): { readonly depth: number; readonly text: string }[] {
  return [
    { depth, text: clauseOpening(block) },
    ...block.paragraphs.slice(1).map((text) => ({ depth, text })),
    ...(block.table ? [block.table.columns, ...block.table.rows].map((row) => ({ depth, text: row.join('｜') })) : []),
    ...block.clauses.flatMap((child) => clauseLines(child, depth + 1)),
    ...block.closing.map((text) => ({ depth, text })),
  ];
}

const ADOPTION = {
  /** `校務會議 (110學年度第2學期期末)` reads `110學年度第2學期期末校務會議`, as the documents write it. */
  body: (body: string) => {
    const qualified = /^(.+?)\s*[（(]([^()（）]+)[)）]$/.exec(body.trim());
    return qualified ? `${(qualified[2] ?? '').trim()}${(qualified[1] ?? '').trim()}` : body.trim();
  },
};

/** One line of the adoption history: `中華民國111年6月15日 110學年度第2學期期末校務會議通過（111年4月6日修訂簽核）`. */
export function adoptionLine(
  adoption: { readonly date: string; readonly body: string; readonly note?: string | undefined },
  language: Language,
): string {
  const date = dateWords(adoption.date, language, { era: true });
  if (language === 'en') return `${date}: ${adoption.body}${adoption.note ? ` (${adoption.note})` : ''}`;
  const body = ADOPTION.body(adoption.body);
  const passed = /(通過|核定|核備|實施)$/.test(body) ? body : `${body}通過`;
  return `${date} ${passed}${adoption.note ? `（${adoption.note}）` : ''}`;
}

/** When the rules apply, in words: `本規定自112學年度第1學期起適用。` */
export function appliesLine(pack: Pick<Pack, 'appliesFrom' | 'appliesUntil'>, language: Language): string | undefined {
  const from = pack.appliesFrom === undefined ? undefined : parseTerm(pack.appliesFrom);
  const until = pack.appliesUntil === undefined ? undefined : parseTerm(pack.appliesUntil);
  if (!from && !until) return undefined;
  if (language === 'en') {
    const parts = [from && `from ${termWords(from, language)}`, until && `until ${termWords(until, language)}`];
    return `These rules apply ${parts.filter(Boolean).join(' ')}.`;
  }
  const parts = [from && `自${termWords(from, language)}起`, until && `至${termWords(until, language)}止`];
  return `本規定${parts.filter(Boolean).join('')}適用。`;
}

/** The document's own words, from the pack. */
export function documentText(pack: DocumentPack, language: Language): DocumentText {
  const applies = appliesLine(pack, language);
  return {
    title: pack.name,
    history: (pack.adopted ?? []).map((adoption) => adoptionLine(adoption, language)),
    ...(applies && { applies }),
    clauses: clauseBlocks(pack),
    annexes: (pack.annexes ?? []).map((annex) => ({
      name: annex.name,
      title: annex.title ?? annex.name,
      paragraphs: paragraphsOf(annex.text),
      table: tableOf(annex),
    })),
  };
}
