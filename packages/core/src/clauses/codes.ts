import { clip } from '../_lib/clip';
import { defineCode, formatSource } from '../findings/define';
import type { Position, Source } from '../findings/types';

const at = (position: Position | undefined) =>
  position?.line !== undefined
    ? {
        zh: ` (第 ${position.line} 行第 ${position.column} 欄)`,
        en: ` (line ${position.line}, column ${position.column})`,
      }
    : { zh: '', en: '' };

export const CLAUSE_CODES = {
  unknownClause: defineCode({
    code: 'PR1030',
    name: 'cites-missing-clause',
    severity: 'warning',
    title: { 'zh-TW': '引用之條文不在本規定中', en: 'Cites a clause the pack does not hold' },
    message: (p: { path: string; citation: string; clause: string; source: Source; suggestion?: string }) => ({
      'zh-TW': `${p.path} 引用「${formatSource(p.source)}」，但本規定之條文 (clauses、annexes) 沒有「${clip(p.clause)}」${p.suggestion ? `；是否為「${clip(p.suggestion)}」？` : ''}`,
      en: `${p.path} cites ${formatSource(p.source)}, but the pack's clauses and annexes hold no ${clip(p.clause)}${p.suggestion ? `; did you mean ${clip(p.suggestion)}?` : ''}`,
    }),
  }),
  numberDisagrees: defineCode({
    code: 'PR1031',
    name: 'clause-states-another-number',
    severity: 'warning',
    title: { 'zh-TW': '條文所寫數字與設定值不同', en: 'The clause states another number' },
    message: (p: {
      path: string;
      value: number;
      stated: number;
      phrase: string;
      source: Source;
      clausePosition?: Position;
    }) => {
      const where = at(p.clausePosition);
      return {
        'zh-TW': `${p.path} 設為 ${p.value}，但所依據之條文 ${formatSource(p.source)}${where.zh} 寫「${p.phrase}」(${p.stated})`,
        en: `${p.path} is ${p.value}, but the clause it cites, ${formatSource(p.source)}${where.en}, says 「${p.phrase}」 (${p.stated})`,
      };
    },
  }),
  termStartForClassesStart: defineCode({
    code: 'PR1032',
    name: 'term-start-where-clause-says-classes-start',
    severity: 'warning',
    title: {
      'zh-TW': '條文寫「開學」，期程卻以學期起始日起算',
      en: 'The clause says 開學, the window counts from termStart',
    },
    message: (p: { path: string; field: string; phrase: string; source: Source; clausePosition?: Position }) => {
      const where = at(p.clausePosition);
      return {
        'zh-TW': `${p.path} 的${p.field === 'opens' ? '開始' : '截止'}日以學期起始日 (termStart，8月1日或2月1日) 起算，但所依據之條文 ${formatSource(p.source)}${where.zh} 寫「${p.phrase}」；開學日請寫 classesStart，否則期程會提早數週`,
        en: `${p.path} ${p.field} counts from termStart (1 August or 1 February), but the clause it cites, ${formatSource(p.source)}${where.en}, says 「${p.phrase}」 (the first day of classes): write classesStart, or the window moves weeks early`,
      };
    },
  }),
} as const;
