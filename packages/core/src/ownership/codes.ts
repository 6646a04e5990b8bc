import { didYouMean } from '../_lib/words';
import { defineCode } from '../findings/define';
import { DIVISION_NAMES, DUTY_NAMES, linkWords, type OwnNames, wordsFor } from '../names';

export const OWNERSHIP_CODES = {
  deputyIsOwner: defineCode({
    code: 'PR5010',
    name: 'deputy-is-owner',
    severity: 'warning',
    title: { 'zh-TW': '代理人與主責相同', en: 'Deputy equals the owner' },
    message: (p: { duty: string; deputy: string; index: number; own?: OwnNames }) => {
      const duty = wordsFor(DUTY_NAMES, p.duty);
      const deputy = linkWords(p.deputy, p.own);
      return {
        'zh-TW': `「${duty['zh-TW']}」的第 ${p.index + 1} 代理人「${deputy['zh-TW']}」就是主責單位本身，無法代理`,
        en: `deputy ${p.index + 1} of ${duty.en}, ${deputy.en}, is the owner itself and cannot stand in for it`,
      };
    },
  }),
  deputyRepeated: defineCode({
    code: 'PR5011',
    name: 'deputy-repeated',
    severity: 'warning',
    title: { 'zh-TW': '代理人重複', en: 'Deputy repeated' },
    message: (p: { duty: string; deputy: string; index: number; first: number; own?: OwnNames }) => {
      const duty = wordsFor(DUTY_NAMES, p.duty);
      const deputy = linkWords(p.deputy, p.own);
      return {
        'zh-TW': `「${duty['zh-TW']}」的第 ${p.index + 1} 代理人「${deputy['zh-TW']}」與第 ${p.first + 1} 代理人重複`,
        en: `deputy ${p.index + 1} of ${duty.en}, ${deputy.en}, repeats deputy ${p.first + 1}`,
      };
    },
  }),
  unknownUnitOrRole: defineCode({
    code: 'PR5012',
    name: 'unknown-unit-or-role',
    severity: 'error',
    title: { 'zh-TW': '未宣告的處室或角色', en: 'Not a declared unit or role' },
    message: (p: { duty: string; who: string; suggestion?: string }) => ({
      'zh-TW': `「${wordsFor(DUTY_NAMES, p.duty)['zh-TW']}」指定的「${p.who}」既不是 units: 宣告的處室，也不是常見處室或角色${didYouMean(p.suggestion).zh}`,
      en: `\`${p.who}\` in ${wordsFor(DUTY_NAMES, p.duty).en} is neither a unit declared under units: (or a common unit) nor a role${didYouMean(p.suggestion).en}`,
    }),
  }),
  certificationWithoutDeputy: defineCode({
    code: 'PR5013',
    name: 'certification-without-deputy',
    severity: 'error',
    title: { 'zh-TW': '課程學習成果認證未訂代理機制', en: 'Certification has no deputy' },
    message: (p: { duty: string; division?: string }) => {
      const division = p.division === undefined ? undefined : wordsFor(DIVISION_NAMES, p.division);
      return {
        'zh-TW': `課程學習成果認證未指定任何代理人${division ? ` (${division['zh-TW']})` : ''}；全國規定學校應訂定任課教師無法認證時的代理機制`,
        en: `course-outcome certification names no deputy${division ? ` in the ${division.en}` : ''}; national rules require a deputy for a teacher who cannot certify`,
      };
    },
  }),
  lastResortOverload: defineCode({
    code: 'PR5014',
    name: 'last-resort-overload',
    severity: 'warning',
    title: { 'zh-TW': '同一單位為過多業務的最後代理人', en: 'Last resort for too many duties' },
    message: (p: { who: string; duties: readonly string[]; limit: number; own?: OwnNames }) => {
      const who = linkWords(p.who, p.own);
      const duties = p.duties.map((duty) => wordsFor(DUTY_NAMES, duty));
      return {
        'zh-TW': `「${who['zh-TW']}」是 ${p.duties.length} 項業務的最後代理人 (${duties.map((duty) => duty['zh-TW']).join('、')})，超過 ${p.limit} 項；該單位無法執行時這些業務將同時停擺 (${p.limit} 項為本工具之建議門檻，非規定條文)`,
        en: `${who.en} is the last resort for ${p.duties.length} duties (${duties.map((duty) => duty.en).join(', ')}), more than ${p.limit}; if it is unavailable they all stop at once (the limit of ${p.limit} is this tool's advice, not a clause)`,
      };
    },
  }),
} as const;
