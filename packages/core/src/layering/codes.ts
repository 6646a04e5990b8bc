import { didYouMean } from '../_lib/words';
import { defineCode } from '../findings/define';
import { formatSource } from '../findings/define';
import type { Source } from '../findings/types';
import { DIVISION_NAMES } from '../names';
import type { Division } from '../units';

const clauseOrDash = (source: Source | undefined) => (source ? formatSource(source) : '—');
const PERIOD = {
  semester: { zh: '每學期', en: 'per semester' },
  academicYear: { zh: '每學年', en: 'per academic year' },
} as const;
type PeriodName = keyof typeof PERIOD;

export const LAYERING_CODES = {
  unknownExtends: defineCode({
    code: 'PR2001',
    name: 'unknown-extends',
    severity: 'error',
    title: { 'zh-TW': '未知的繼承層', en: 'Unknown layer to extend' },
    message: (p: { extends: string; known: readonly string[]; suggestion?: string }) => ({
      'zh-TW': `extends「${p.extends}」不在登錄的規定層中 (可用：${p.known.join('、')})${didYouMean(p.suggestion).zh}`,
      en: `extends \`${p.extends}\` is not a registered layer (known: ${p.known.join(', ')})${didYouMean(p.suggestion).en}`,
    }),
  }),
  loosensCap: defineCode({
    code: 'PR2002',
    name: 'loosens-national-maximum',
    severity: 'error',
    title: { 'zh-TW': '放寬了全國上限', en: 'Loosens a national maximum' },
    message: (p: {
      path: string;
      value: number;
      per: PeriodName;
      nationalMax: number;
      nationalPer: PeriodName;
      schoolSource?: Source;
      nationalSource: Source;
    }) => {
      // Periods compared: a per-semester cap counts twice in a year; a yearly cap may all fall in one semester.
      const counted =
        p.per === 'semester' && p.nationalPer === 'academicYear'
          ? { zh: `，即每學年 ${p.value * 2} 件`, en: `, that is ${p.value * 2} per academic year` }
          : p.per === 'academicYear' && p.nationalPer === 'semester'
            ? { zh: '，可能全數集中於一學期', en: ', which may all fall in one semester' }
            : { zh: '', en: '' };
      return {
        'zh-TW': `${p.path} 設為${PERIOD[p.per].zh} ${p.value} 件${counted.zh} (${clauseOrDash(p.schoolSource)})，超過全國規定${PERIOD[p.nationalPer].zh}至多 ${p.nationalMax} 件 (${clauseOrDash(p.nationalSource)})；以全國規定為準`,
        en: `${p.path} allows ${p.value} ${PERIOD[p.per].en}${counted.en} (${clauseOrDash(p.schoolSource)}), more than the national maximum of ${p.nationalMax} ${PERIOD[p.nationalPer].en} (${clauseOrDash(p.nationalSource)}); the national rule applies`,
      };
    },
  }),
  loosensMinimum: defineCode({
    code: 'PR2003',
    name: 'loosens-national-minimum',
    severity: 'error',
    title: { 'zh-TW': '低於全國下限', en: 'Loosens a national minimum' },
    message: (p: {
      path: string;
      value: number;
      nationalMin: number;
      schoolSource?: Source;
      nationalSource: Source;
    }) => ({
      'zh-TW': `${p.path} 設為 ${p.value} (${clauseOrDash(p.schoolSource)})，低於全國規定至少 ${p.nationalMin} (${clauseOrDash(p.nationalSource)})；以全國規定為準`,
      en: `${p.path} is ${p.value} (${clauseOrDash(p.schoolSource)}), below the national minimum of ${p.nationalMin} (${clauseOrDash(p.nationalSource)}); the national rule applies`,
    }),
  }),
  overlayCascade: defineCode({
    code: 'PR2004',
    name: 'overlay-cascade',
    severity: 'error',
    title: { 'zh-TW': '區域規定不得再繼承其他區域規定', en: 'An overlay may only extend national' },
    message: (p: { overlay: string; extends: string }) => ({
      'zh-TW': `區域規定「${p.overlay}」只能繼承 national，不能繼承「${p.extends}」`,
      en: `the overlay \`${p.overlay}\` may extend only national, not \`${p.extends}\``,
    }),
  }),
  forcedCount: defineCode({
    code: 'PR2005',
    name: 'forced-count',
    severity: 'warning',
    title: { 'zh-TW': '規定了學生上傳或勾選的最低件數', en: 'Requires a minimum count from students' },
    message: (p: { path: string; min: number; nationalSource: Source; schoolSource?: Source }) => ({
      'zh-TW': `${p.path} 要求至少 ${p.min} 件 (${clauseOrDash(p.schoolSource)})；全國規定學生可自行決定是否上傳及勾選，學校不得強制件數 (${clauseOrDash(p.nationalSource)})`,
      en: `${p.path} requires at least ${p.min} (${clauseOrDash(p.schoolSource)}); national rules leave it to students whether to upload and select, and schools may not force counts (${clauseOrDash(p.nationalSource)})`,
    }),
  }),
  noNationalVersion: defineCode({
    code: 'PR2006',
    name: 'no-national-version',
    severity: 'error',
    title: { 'zh-TW': '適用期間無全國規定版本', en: 'No national version for the terms' },
    message: (p: { from?: string; until?: string }) => ({
      'zh-TW': `適用期間 ${p.from ?? '…'}–${p.until ?? '…'} 沒有施行中的全國規定版本 (最早為 10801)`,
      en: `no national version is in force for ${p.from ?? '…'}–${p.until ?? '…'} (the earliest starts at 10801)`,
    }),
  }),
  termOutsidePack: defineCode({
    code: 'PR2007',
    name: 'term-outside-pack',
    severity: 'error',
    title: { 'zh-TW': '學期不在規定適用期間內', en: "Term outside the pack's period" },
    message: (p: { term: string; from?: string; until?: string }) => ({
      'zh-TW': `學期 ${p.term} 不在本規定的適用期間 ${p.from ?? '…'}–${p.until ?? '…'} 內`,
      en: `term ${p.term} is outside the pack's period ${p.from ?? '…'}–${p.until ?? '…'}`,
    }),
  }),
  divisionOutsidePack: defineCode({
    code: 'PR2008',
    name: 'division-outside-pack',
    severity: 'error',
    title: { 'zh-TW': '部別不在本校規定所列部別內', en: "Division not among the pack's divisions" },
    message: (p: { division: Division; divisions: readonly Division[] }) => ({
      'zh-TW': `${DIVISION_NAMES[p.division]['zh-TW']}不在本校規定所列部別 (${p.divisions.map((d) => DIVISION_NAMES[d]['zh-TW']).join('、')}) 內：其承辦單位與名冊無從依規定判斷`,
      en: `the ${DIVISION_NAMES[p.division].en} is not one of the school's divisions in its pack (${p.divisions.map((d) => DIVISION_NAMES[d].en).join(', ')}): its units and rosters cannot be judged by the rules`,
    }),
  }),
} as const;
