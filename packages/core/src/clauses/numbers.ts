import { unreachable } from '../_lib/unreachable';
/** A number a clause states, where in its text, and the words around it. */
export interface Stated {
  readonly value: number;
  /** The words that state it, e.g. `至多6件`, as they stand in the text. */
  readonly phrase: string;
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const NUMBER = '[0-9０-９]+|[零〇一二兩三四五六七八九十]+';

/** `6`, `６`, `六`, `十五`, `二十一` as a number; undefined for anything else. */
export function parseNumber(text: string): number | undefined {
  if (/^[0-9０-９]+$/.test(text)) return Number(text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? DIGITS[text] : undefined;
  if (text.indexOf('十', ten + 1) >= 0) return undefined;
  const tens = ten === 0 ? 1 : DIGITS[text.slice(0, ten)];
  const units = ten === text.length - 1 ? 0 : DIGITS[text.slice(ten + 1)];
  return tens === undefined || units === undefined || text.length > 3 ? undefined : tens * 10 + units;
}

function found(text: string, pattern: RegExp, group = 1): Stated[] {
  return [...text.matchAll(pattern)].flatMap((match) => {
    const value = parseNumber(match[group] ?? '');
    return value === undefined ? [] : [{ value, phrase: match[0] }];
  });
}

const KINDS = { courseOutcome: /課程學習成果/g, diversePerformance: /多元表現/g } as const;
const ACTIONS = { upload: /上傳|登錄/g, select: /勾選/g } as const;

/** Which of `words` is named last before `index` in `text`, if any. */
function lastNamed<K extends string>(text: string, index: number, words: Readonly<Record<K, RegExp>>): K | undefined {
  let last: { name: K; at: number } | undefined;
  for (const [name, word] of Object.entries(words) as [K, RegExp][]) {
    for (const match of text.slice(0, index).matchAll(word))
      if (!last || match.index > last.at) last = { name, at: match.index };
  }
  return last?.name;
}

/**
 * A cap's numbers: `至多6件`, or `1-6份` (a range gives min and max). A number belongs to the kind of
 * record and the action (上傳/登錄 or 勾選) named last before it; one with no kind or action named
 * before it belongs to any.
 */
function capNumbers(
  text: string,
  kind: keyof typeof KINDS,
  action: keyof typeof ACTIONS,
  bound: 'max' | 'min',
): Stated[] {
  const range = new RegExp(`(${NUMBER})\\s*[-－–~～至]\\s*(${NUMBER})\\s*[件項份]`, 'g');
  const most = new RegExp(`至多\\s*(${NUMBER})\\s*[件項份]`, 'g');
  const ours = (index: number) => {
    const named = lastNamed(text, index, KINDS);
    const done = lastNamed(text, index, ACTIONS);
    return (named === undefined || named === kind) && (done === undefined || done === action);
  };
  const ranges = [...text.matchAll(range)].filter((match) => ours(match.index));
  if (ranges.length > 0)
    return ranges.flatMap((match) => {
      const value = parseNumber(match[bound === 'min' ? 1 : 2] ?? unreachable('the bound'));
      return value === undefined ? [] : [{ value, phrase: match[0] }];
    });
  if (bound === 'min') return [];
  return [...text.matchAll(most)]
    .filter((match) => ours(match.index))
    .flatMap((match) => {
      const value = parseNumber(match[1] ?? unreachable('the number'));
      return value === undefined ? [] : [{ value, phrase: match[0] }];
    });
}

/** Recognisers of the numbers a clause states for a value, by the value's path. */
const RECOGNISERS: readonly { readonly path: RegExp; readonly stated: (text: string, path: string) => Stated[] }[] = [
  {
    path: /^caps\.(courseOutcome|diversePerformance)\.(upload|select)\.(max|min)$/,
    stated: (text, path) => {
      const [, kind, action, bound] = path.split('.') as [
        string,
        keyof typeof KINDS,
        keyof typeof ACTIONS,
        'max' | 'min',
      ];
      return capNumbers(text, kind, action, bound);
    },
  },
  {
    path: /^governance\.workingGroup\.size$/,
    stated: (text) => found(text, new RegExp(`合計\\s*(${NUMBER})\\s*人`, 'g')),
  },
  {
    path: /^governance\.meetings\.perSemester$/,
    stated: (text) => found(text, new RegExp(`每學期[^。；]*?至少[^。；]*?(${NUMBER})\\s*次`, 'g')),
  },
  {
    path: /^governance\.trainings\.\d+\.perAcademicYear$/,
    stated: (text) => found(text, new RegExp(`每學年[^。；]*?至少[^。；]*?(${NUMBER})\\s*(?:場次|次|場)`, 'g')),
  },
  { path: /^retention\.sealYears$/, stated: (text) => found(text, new RegExp(`封存\\s*(${NUMBER})\\s*年`, 'g')) },
  {
    path: /^(receipts\.confirmationDays|windows\.\d+\.minDays|windowBounds\.\d+\.minDays)$/,
    stated: (text) => [
      ...found(text, new RegExp(`(${NUMBER})\\s*日以上`, 'g')),
      ...found(text, new RegExp(`至少[^。；]*?(${NUMBER})\\s*[日天]`, 'g')),
    ],
  },
];

/** The numbers a text states for the value at `path`, where it can be seen; none when no recogniser knows the path. */
export function statedNumbers(path: string, text: string): Stated[] {
  const recogniser = RECOGNISERS.find((candidate) => candidate.path.test(path));
  return recogniser ? recogniser.stated(text, path) : [];
}
