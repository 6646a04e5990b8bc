import {
  type EffectivePack,
  formatSource,
  type Language,
  type Pack,
  readCitation,
  type Source,
} from '@portfolio-rules/core';
import { adoptionLine, appliesLine, type ClauseBlock, clauseBlocks, clauseLines, spacedLabel } from '../render/clauses';
import { type Setting, settingsOf } from './settings';
import { diffText, type Piece, sharedShare } from './text-diff';
import { settingWords } from './words';
import { unreachable, jsonOf } from '@portfolio-rules/core/internal';

/** One version of a pack: as written, and its effective rules. */
export interface Version {
  readonly pack: Pack;
  readonly effective: EffectivePack;
}

/** A run of a cell's text, marked when it is what changed (underlined in 修正條文, struck out in 現行條文). */
export interface Run {
  readonly text: string;
  readonly marked: boolean;
}

/** A line of a cell, at its depth in the clause (0 for the point itself). */
export interface CellLine {
  readonly depth: number;
  readonly runs: readonly Run[];
}

/** One row of the 修正對照表. */
export interface AmendmentRow {
  readonly kind: 'amended' | 'added' | 'deleted' | 'unchanged';
  /** What the row is about: a point (`八`), an annexed table, or a clause the packs hold no text for. */
  readonly key: string;
  /** 修正條文: empty for a deleted point. */
  readonly amended: readonly CellLine[];
  /** 現行條文: empty for an added point. */
  readonly current: readonly CellLine[];
  /** 說明, one item a line (numbered when there are several). */
  readonly explanation: readonly string[];
}

export interface AmendmentTable {
  readonly title: string;
  /** Each version's adoption and period, in words. */
  readonly amendedFacts: readonly string[];
  readonly currentFacts: readonly string[];
  readonly rows: readonly AmendmentRow[];
  /** Whether rows for unchanged points (無修正) were asked for. */
  readonly withUnchanged: boolean;
}

const TEXT = {
  'zh-TW': {
    title: (name: string) => `${name}修正對照表`,
    added: '本點新增。',
    deleted: '本點刪除。',
    annexAdded: (name: string) => `新增附表「${name}」。`,
    annexDeleted: (name: string) => `刪除附表「${name}」。`,
    rewritten: '刪除原條文內容，改定新條文。',
    reworded: '酌作文字修正。',
    replaced: (before: string, after: string) => `「${before}」修正為「${after}」`,
    inserted: (after: string) => `增列「${after}」`,
    removed: (before: string) => `刪除「${before}」`,
    edits: (edits: string[]) => `${edits.join('；')}。`,
    unchanged: '無修正。',
    changed: (subject: string, before: string, after: string) => `${subject}由${before}改為${after}。`,
    moved: (subject: string, before: string, after: string) => `${subject}之依據由${before}改為${after}。`,
    stated: (subject: string, after: string, source: string, before: string) =>
      `${subject}明定為${after}（修正前依${source}，亦為${before}）。`,
    fromLower: (subject: string, before: string, source: string, after: string) =>
      `${subject}由${before}（依${source}）改為${after}。`,
    new: (subject: string, after: string) => `新增${subject}：${after}。`,
    toLower: (subject: string, before: string, source: string, after: string) =>
      `刪除${subject}之規定（原為${before}），改依${source}：${after}。`,
    gone: (subject: string, before: string) => `刪除${subject}之規定（原為${before}）。`,
    line: (subject: string, value: string) => `${subject}：${value}`,
  },
  en: {
    title: (name: string) => `${name}: amendment table (修正對照表)`,
    added: 'This point is added.',
    deleted: 'This point is deleted.',
    annexAdded: (name: string) => `The annexed table “${name}” is added.`,
    annexDeleted: (name: string) => `The annexed table “${name}” is deleted.`,
    rewritten: 'The text is rewritten.',
    reworded: 'The wording is amended.',
    replaced: (before: string, after: string) => `「${before}」 becomes 「${after}」`,
    inserted: (after: string) => `「${after}」 is added`,
    removed: (before: string) => `「${before}」 is deleted`,
    edits: (edits: string[]) => `${edits.join('; ')}.`,
    unchanged: 'Not amended.',
    changed: (subject: string, before: string, after: string) => `${capital(subject)}: ${before} → ${after}.`,
    moved: (subject: string, before: string, after: string) =>
      `${capital(subject)} now rests on ${after} (was ${before}).`,
    stated: (subject: string, after: string, source: string, before: string) =>
      `${capital(subject)} is now set by these rules: ${after} (before, ${source} set it, also ${before}).`,
    fromLower: (subject: string, before: string, source: string, after: string) =>
      `${capital(subject)}: ${before} (${source}) → ${after}.`,
    new: (subject: string, after: string) => `${capital(subject)} is added: ${after}.`,
    toLower: (subject: string, before: string, source: string, after: string) =>
      `${capital(subject)} is no longer set by these rules (was ${before}); ${source} applies: ${after}.`,
    gone: (subject: string, before: string) => `${capital(subject)} is deleted (was ${before}).`,
    line: (subject: string, value: string) => `${capital(subject)}: ${value}`,
  },
} as const;

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A rewritten point shares less than this share of its text with the old one: it is shown as replaced whole. */
const REWRITTEN = 0.4;
/** Edits listed in the 說明 one by one when there are at most this many, each this short; beyond, 「酌作文字修正」. */
const LISTED_EDITS = 3;
const LISTED_LENGTH = 20;

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** JSON with sorted keys: equal values, equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlain(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  return jsonOf(value) ?? 'undefined';
}

const sameSource = (a: Source | undefined, b: Source | undefined) =>
  a?.document === b?.document && a?.clause === b?.clause;

/** The lines of each side, from the pieces of a diff of the two texts (lines joined by newlines). */
function sides(pieces: readonly Piece[], depths: { current: number[]; amended: number[] }) {
  const build = (skip: Piece['kind'], lineDepths: number[]): CellLine[] => {
    const lines: Run[][] = [[]];
    for (const piece of pieces) {
      if (piece.kind === skip) continue;
      piece.text.split('\n').forEach((text, index) => {
        if (index > 0) lines.push([]);
        if (text) (lines.at(-1) ?? unreachable('a line')).push({ text, marked: piece.kind !== 'equal' });
      });
    }
    return lines.map((runs, index) => ({ depth: lineDepths[index] ?? 0, runs }));
  };
  return { current: build('insert', depths.current), amended: build('delete', depths.amended) };
}

const whole = (lines: readonly { depth: number; text: string }[], marked: boolean, label = ''): CellLine[] =>
  lines.map((line, index) =>
    index === 0 && label && line.text.startsWith(label)
      ? {
          depth: line.depth,
          runs: [
            { text: label, marked: false },
            ...(line.text.length > label.length ? [{ text: line.text.slice(label.length), marked }] : []),
          ],
        }
      : { depth: line.depth, runs: line.text ? [{ text: line.text, marked }] : [] },
  );

/** The 說明 of a text change: the edits one by one when they are few and short, else 「酌作文字修正」. */
function textExplanation(pieces: readonly Piece[], language: Language): string {
  const text = TEXT[language];
  const edits: string[] = [];
  let index = 0;
  while (index < pieces.length) {
    const piece = pieces[index] ?? unreachable(`piece ${index}`);
    if (piece.kind === 'equal') {
      index++;
      continue;
    }
    const next = pieces[index + 1];
    const before = piece.kind === 'delete' ? piece.text : '';
    const after = piece.kind === 'insert' ? piece.text : next?.kind === 'insert' ? next.text : '';
    index += piece.kind === 'delete' && next?.kind === 'insert' ? 2 : 1;
    const clean = (words: string) => words.replace(/\n/g, ' ').trim();
    if ([...before].length > LISTED_LENGTH || [...after].length > LISTED_LENGTH || /\n/.test(before + after))
      return text.reworded;
    edits.push(
      before && after
        ? text.replaced(clean(before), clean(after))
        : after
          ? text.inserted(clean(after))
          : text.removed(clean(before)),
    );
  }
  return edits.length === 0 || edits.length > LISTED_EDITS ? text.reworded : text.edits(edits);
}

interface Passage {
  readonly key: string;
  readonly label: string;
  readonly lines: readonly { depth: number; text: string }[];
}

const points = (pack: Pack): Passage[] =>
  clauseBlocks(pack).map((block: ClauseBlock) => ({
    key: block.key,
    label: spacedLabel(block.label),
    lines: clauseLines(block),
  }));

const annexes = (pack: Pack): Passage[] =>
  (pack.annexes ?? []).map((annex) => ({
    key: `annex:${annex.name}`,
    label: '',
    lines: [
      { depth: 0, text: annex.title ?? annex.name },
      ...(annex.text ? [{ depth: 0, text: annex.text }] : []),
      ...[annex.columns, ...annex.rows].map((row) => ({ depth: 0, text: row.map(String).join('｜') })),
    ],
  }));

/** Passages of both versions matched by key, in the amended order; a deleted one after the passage it followed. */
function matched(before: readonly Passage[], after: readonly Passage[]) {
  const order: { key: string; current?: Passage; amended?: Passage }[] = after.map((passage) => ({
    key: passage.key,
    amended: passage,
  }));
  before.forEach((passage, index) => {
    const found = order.find((entry) => entry.key === passage.key);
    if (found) {
      found.current = passage;
      return;
    }
    const previous = before[index - 1]?.key;
    const at = previous === undefined ? -1 : order.findIndex((entry) => entry.key === previous);
    order.splice(at + 1, 0, { key: passage.key, current: passage });
  });
  return order;
}

/** A changed setting: its state in each version (absent, set by a lower layer, or by the pack itself). */
interface SettingChange {
  readonly key: string;
  readonly current?: Setting;
  readonly amended?: Setting;
  readonly currentOwn: boolean;
  readonly amendedOwn: boolean;
}

/** The settings the amendment changes: set by the pack in either version, and different in value, clause or layer. */
function settingChanges(current: Version, amended: Version): SettingChange[] {
  const ownCurrent = current.effective.layers.at(-1);
  const ownAmended = amended.effective.layers.at(-1);
  const before = new Map(settingsOf(current.effective).map((setting) => [setting.key, setting]));
  const after = new Map(settingsOf(amended.effective).map((setting) => [setting.key, setting]));
  const keys = [...after.keys(), ...[...before.keys()].filter((key) => !after.has(key))];
  return keys.flatMap((key): SettingChange[] => {
    const was = before.get(key);
    const is = after.get(key);
    const currentOwn = was?.layer === ownCurrent;
    const amendedOwn = is?.layer === ownAmended;
    if (!currentOwn && !amendedOwn) return [];
    if (
      was &&
      is &&
      currentOwn === amendedOwn &&
      canonical(was.value) === canonical(is.value) &&
      sameSource(was.source, is.source)
    )
      return [];
    return [{ key, ...(was && { current: was }), ...(is && { amended: is }), currentOwn, amendedOwn }];
  });
}

/** Where a changed setting belongs in the table: the point or annex its own clause names, else its clause. */
function placeOf(change: SettingChange, current: Version, amended: Version): string {
  const [setting, pack] = change.amendedOwn ? [change.amended, amended.pack] : [change.current, current.pack];
  if (!setting) return 'cite:';
  const source = setting.source;
  if (!source) return 'cite:';
  if (source.document !== pack.document) return `cite:${formatSource(source)}`;
  const [first] = readCitation(source.clause, pack);
  const cited = first?.cited;
  if (cited?.kind === 'clause') return cited.entry.key.split('(')[0] ?? cited.entry.key;
  if (cited?.kind === 'annex') return `annex:${cited.annex.name}`;
  return `cite:${source.clause}`;
}

/** Whether the change is of a value or a layer (not only of the clause the value cites). */
const valueChanged = (change: SettingChange) =>
  !change.current ||
  !change.amended ||
  change.currentOwn !== change.amendedOwn ||
  canonical(change.current.value) !== canonical(change.amended.value);

function changeSentence(change: SettingChange, current: Version, amended: Version, language: Language): string {
  const text = TEXT[language];
  const before = change.current && settingWords(change.current, current.effective, language);
  const after = change.amended && settingWords(change.amended, amended.effective, language);
  const subject = (after ?? before ?? unreachable('a setting on either side')).subject;
  const lower = (setting: Setting | undefined) => formatSource(setting?.source);
  if (change.amendedOwn && after) {
    if (!before) return text.new(subject, after.value);
    if (!change.currentOwn)
      return before.value === after.value
        ? text.stated(subject, after.value, lower(change.current), before.value)
        : text.fromLower(subject, before.value, lower(change.current), after.value);
    return text.changed(subject, before.value, after.value);
  }
  if (!before) return unreachable('the setting before');
  if (after) return text.toLower(subject, before.value, lower(change.amended), after.value);
  return text.gone(subject, before.value);
}

/**
 * The 說明 of a group of changed settings: each changed value in words, and once per rule (a cap, a
 * window) the clause it now rests on when that changed.
 */
function changeSentences(
  group: readonly SettingChange[],
  current: Version,
  amended: Version,
  language: Language,
): string[] {
  const text = TEXT[language];
  const moved = new Set<string>();
  return group.flatMap((change) => {
    const sentences: string[] = [];
    const rule = change.key.slice(0, change.key.lastIndexOf('.'));
    if (
      change.currentOwn &&
      change.amendedOwn &&
      !sameSource(change.current?.source, change.amended?.source) &&
      !moved.has(rule)
    ) {
      moved.add(rule);
      const { subject } = settingWords(
        change.amended ?? unreachable('the amended setting'),
        amended.effective,
        language,
      );
      sentences.push(text.moved(subject, change.current?.source?.clause ?? '', change.amended?.source?.clause ?? ''));
    }
    if (valueChanged(change)) sentences.push(changeSentence(change, current, amended, language));
    return sentences;
  });
}

/** A note of the amended version's adoption that names a point (「修正第八點 (依…函)」) belongs to that point's row. */
function adoptionNotes(amended: Pack, current: Pack): Map<string, string> {
  const known = new Set((current.adopted ?? []).map((adoption) => `${adoption.date}|${adoption.body}`));
  const notes = new Map<string, string>();
  for (const adoption of amended.adopted ?? []) {
    if (known.has(`${adoption.date}|${adoption.body}`) || !adoption.note) continue;
    for (const match of adoption.note.matchAll(/第([一二三四五六七八九十百零〇0-9]+)點/g))
      notes.set(match[1] ?? unreachable('the clause'), adoption.note);
  }
  return notes;
}

function factsOf(
  version: Version,
  language: Language,
  only: (adoption: NonNullable<Pack['adopted']>[number]) => boolean,
) {
  const adopted = (version.pack.adopted ?? []).filter(only).map((adoption) => adoptionLine(adoption, language));
  const applies = appliesLine(version.pack, language);
  return [...adopted, ...(applies ? [applies] : [])];
}

/**
 * The amendment table (修正對照表) schools publish with an amended rule (seed 001): one row per
 * changed point of the document (修正條文 with the changed words marked / 現行條文 / 說明), a point
 * added or deleted shown as such, then each changed annexed table, then the changed settings whose
 * clauses the packs hold no text for. 說明 says what changed in the text and, in words with the
 * values, in the rules: 「畢業生學習歷程檔案資料封存年限由 3 年改為 5 年。」 Settings are compared on the
 * effective packs, so that a value the pack now states itself but a lower layer set before is told
 * apart from a changed one. With `unchanged`, unchanged points are listed too (無修正), as seed 001 does.
 */
export function amendmentTable(
  current: Version,
  amended: Version,
  language: Language,
  options: { readonly unchanged?: boolean } = {},
): AmendmentTable {
  const text = TEXT[language];
  const changes = settingChanges(current, amended);
  const byPlace = new Map<string, SettingChange[]>();
  for (const change of changes) {
    const place = placeOf(change, current, amended);
    byPlace.set(place, [...(byPlace.get(place) ?? []), change]);
  }
  const notes = adoptionNotes(amended.pack, current.pack);
  const rows: AmendmentRow[] = [];
  const passages = [
    ...matched(points(current.pack), points(amended.pack)),
    ...matched(annexes(current.pack), annexes(amended.pack)),
  ];
  for (const { key, current: was, amended: is } of passages) {
    const settings = changeSentences(byPlace.get(key) ?? [], current, amended, language);
    byPlace.delete(key);
    const annex = key.startsWith('annex:') ? key.slice('annex:'.length) : undefined;
    const note = annex ? undefined : notes.get(key);
    if (!was || !is) {
      const passage = is ?? was ?? unreachable(`passage ${key}`);
      const lines = whole(passage.lines, true, passage.label);
      rows.push({
        kind: is ? 'added' : 'deleted',
        key,
        amended: is ? lines : [],
        current: was ? lines : [],
        explanation: [
          is ? (annex ? text.annexAdded(annex) : text.added) : annex ? text.annexDeleted(annex) : text.deleted,
          ...settings,
          ...(note ? [note] : []),
        ],
      });
      continue;
    }
    const before = was.lines.map((line) => line.text).join('\n');
    const after = is.lines.map((line) => line.text).join('\n');
    const depths = { current: was.lines.map((line) => line.depth), amended: is.lines.map((line) => line.depth) };
    if (before === after) {
      if (settings.length === 0 && !options.unchanged) continue;
      const cell = sides([{ kind: 'equal', text: before }], depths);
      rows.push({
        kind: settings.length === 0 ? 'unchanged' : 'amended',
        key,
        ...cell,
        explanation: settings.length === 0 ? [text.unchanged] : settings,
      });
      continue;
    }
    const pieces = diffText(before, after);
    const rewritten = sharedShare(pieces) < REWRITTEN;
    rows.push({
      kind: 'amended',
      key,
      ...(rewritten
        ? { current: whole(was.lines, true, was.label), amended: whole(is.lines, true, is.label) }
        : sides(pieces, depths)),
      explanation: [
        rewritten ? text.rewritten : textExplanation(pieces, language),
        ...settings,
        ...(note ? [note] : []),
      ],
    });
  }
  // Settings whose clause the packs hold no text for: each side's settings in words, a row per clause.
  for (const [place, group] of byPlace) {
    const lineOf = (setting: Setting | undefined, effective: EffectivePack): CellLine[] => {
      if (!setting) return [];
      const change =
        group.find((candidate) => candidate.current === setting || candidate.amended === setting) ??
        unreachable('the change of a setting');
      const words = settingWords(setting, effective, language);
      return [
        {
          depth: 0,
          runs: [
            { text: text.line(words.subject, ''), marked: false },
            { text: words.value, marked: valueChanged(change) },
          ],
        },
      ];
    };
    // Each side headed by the clauses its own settings cite.
    const heading = (settings: readonly (Setting | undefined)[], lines: CellLine[]): CellLine[] => {
      const clauses = [...new Set(settings.map((setting) => setting?.source?.clause).filter(Boolean))].join('、');
      return clauses && lines.length > 0 ? [{ depth: 0, runs: [{ text: clauses, marked: false }] }, ...lines] : lines;
    };
    const amendedSettings = group.filter((change) => change.amendedOwn).map((change) => change.amended);
    const currentSettings = group.filter((change) => change.currentOwn).map((change) => change.current);
    rows.push({
      kind: 'amended',
      key: place,
      amended: heading(
        amendedSettings,
        amendedSettings.flatMap((setting) => lineOf(setting, amended.effective)),
      ),
      current: heading(
        currentSettings,
        currentSettings.flatMap((setting) => lineOf(setting, current.effective)),
      ),
      explanation: changeSentences(group, current, amended, language),
    });
  }
  const knownAdoptions = new Set((current.pack.adopted ?? []).map((adoption) => `${adoption.date}|${adoption.body}`));
  return {
    title: text.title(amended.pack.name),
    amendedFacts: factsOf(amended, language, (adoption) => !knownAdoptions.has(`${adoption.date}|${adoption.body}`)),
    currentFacts: factsOf(current, language, (adoption) => adoption === current.pack.adopted?.at(-1)),
    rows,
    withUnchanged: options.unchanged === true,
  };
}
