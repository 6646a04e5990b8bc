import { formatSource, formatTerm, type Language, type Pack, parseTerm } from '@portfolio-rules/core';
import { showValue } from '../explain/format';
import type { Change, Detail, RuleText } from './compare';

/** Two versions of a pack and what changed: what both renderers draw. */
export interface Amendment {
  readonly current: { readonly file: string; readonly pack: Pack };
  readonly amended: { readonly file: string; readonly pack: Pack };
  readonly changes: readonly Change[];
}

export const DIFF_TEXT = {
  'zh-TW': {
    title: '修正對照表',
    columns: ['修正條文', '現行條文', '說明'],
    facts: { file: '檔案', version: '版本', period: '適用學期', adopted: '訂定及修正' },
    amended: '修正後',
    current: '現行',
    none: '(無)',
    added: '新增。',
    removed: '刪除。',
    replaced: (removed: string, added: string) => `刪除 ${removed}，新增 ${added}。`,
    amendedPrefix: '修正：',
    clause: '條次',
    newValue: (key: string, value: string) => `新增 ${key}: ${value}`,
    dropped: (key: string) => `刪除 ${key}`,
    separator: '；',
    end: '。',
    noChanges: '兩版規定內容相同，無修正條文。',
  },
  en: {
    title: 'amendment table',
    columns: ['Amended (修正條文)', 'Current (現行條文)', 'Explanation (說明)'],
    facts: { file: 'file', version: 'version', period: 'terms', adopted: 'adopted' },
    amended: 'amended',
    current: 'current',
    none: '(none)',
    added: 'Added.',
    removed: 'Deleted.',
    replaced: (removed: string, added: string) => `${removed} deleted, ${added} added.`,
    amendedPrefix: 'Amended: ',
    clause: 'clause',
    newValue: (key: string, value: string) => `added ${key}: ${value}`,
    dropped: (key: string) => `removed ${key}`,
    separator: '; ',
    end: '.',
    noChanges: 'The two versions hold the same rules: nothing is amended.',
  },
} as const;

/** A key path for people: a note, keyed by its text, cut short. */
export function shortPath(path: string): string {
  return path.replace(/^notes\[(.{21,})\]$/s, (_, key: string) => `notes[${[...key].slice(0, 20).join('')}…]`);
}

/** A rule's value as `key: value` lines (or the value alone). */
export function valueLines(text: RuleText): string[] {
  const { value } = text;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).map(([key, inner]) => `${key}: ${showInline(inner)}`);
  }
  return [showInline(value)];
}

function showInline(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return `{ ${Object.entries(value)
      .map(([key, inner]) => `${key}: ${showInline(inner)}`)
      .join(', ')} }`;
  }
  if (Array.isArray(value)) return `[${value.map(showInline).join(', ')}]`;
  return showValue(value);
}

export function clauseOf(text: RuleText | undefined): string {
  return text?.source ? formatSource(text.source) : '';
}

function detailText(detail: Detail, language: Language): string {
  const text = DIFF_TEXT[language];
  const key = detail.path === 'source' ? text.clause : detail.path;
  if (!('from' in detail)) return key ? text.newValue(key, showInline(detail.to)) : showInline(detail.to);
  if (!('to' in detail)) return text.dropped(key);
  return `${key ? `${key} ` : ''}${showInline(detail.from)} → ${showInline(detail.to)}`;
}

/** The 說明 column: added, deleted, or what was amended. */
export function explanationOf(change: Change, language: Language): string {
  const text = DIFF_TEXT[language];
  if (change.kind === 'added') return text.added;
  if (change.kind === 'removed') return text.removed;
  if (change.kind === 'replaced')
    return text.replaced(shortPath(change.current?.path ?? ''), shortPath(change.amended?.path ?? ''));
  return `${text.amendedPrefix}${change.details.map((detail) => detailText(detail, language)).join(text.separator)}${text.end}`;
}

/** The header facts of each version: file, version, terms, adoption. */
export function factsOf(
  side: Amendment['current'],
  language: Language,
): Record<keyof (typeof DIFF_TEXT)['en']['facts'], string> {
  const { pack } = side;
  const term = (value: string | number | undefined) => {
    const parsed = value === undefined ? undefined : parseTerm(value);
    return parsed ? formatTerm(parsed) : '';
  };
  const period =
    pack.appliesFrom === undefined && pack.appliesUntil === undefined
      ? ''
      : `${term(pack.appliesFrom)}–${term(pack.appliesUntil)}`;
  const adopted = (pack.adopted ?? [])
    .map((entry) => `${entry.date} ${entry.body}`)
    .join(language === 'zh-TW' ? '；' : '; ');
  return { file: side.file, version: pack.version ?? '', period, adopted };
}
