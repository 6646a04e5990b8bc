/** The words around the amendment table, in both languages. */
export const DIFF_TEXT = {
  'zh-TW': {
    columns: ['修正條文', '現行條文', '說明'],
    amended: '修正後',
    current: '現行規定',
    colon: '：',
    separator: '；',
    noChanges: '兩版條文及規定內容相同，無修正。',
  },
  en: {
    columns: ['Amended text (修正條文)', 'Current text (現行條文)', 'Explanation (說明)'],
    amended: 'Amended',
    current: 'Current',
    colon: ': ',
    separator: '; ',
    noChanges: 'The two versions hold the same text and rules: nothing is amended.',
  },
} as const;

/** The 說明 items as printed: numbered `1.`, `2.` … when there are several, as seed 001 writes them. */
export function explanationLines(items: readonly string[]): string[] {
  return items.length > 1 ? items.map((item, index) => `${index + 1}. ${item}`) : [...items];
}
