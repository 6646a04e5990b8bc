import { defineCode } from '../findings/define';
import { AUDIENCE_NAMES, TRAINING_KIND_NAMES, wordsFor } from '../names';

export const GOVERNANCE_CODES = {
  noWorkingGroup: defineCode({
    code: 'PR7510',
    name: 'no-working-group',
    severity: 'warning',
    title: { 'zh-TW': '未訂工作小組', en: 'No working group' },
    message: () => ({
      'zh-TW': '規定未訂學生學習歷程檔案工作小組 (governance.workingGroup)',
      en: 'the pack sets up no portfolio working group (governance.workingGroup)',
    }),
  }),
  noConvener: defineCode({
    code: 'PR7511',
    name: 'no-convener',
    severity: 'warning',
    title: { 'zh-TW': '工作小組未指定召集人', en: 'Working group without a convener' },
    message: () => ({
      'zh-TW': '工作小組未指定召集人 (通常為校長)',
      en: 'the working group names no convener (usually the principal, 校長)',
    }),
  }),
  noSecretary: defineCode({
    code: 'PR7512',
    name: 'no-secretary',
    severity: 'warning',
    title: { 'zh-TW': '工作小組未指定執行秘書', en: 'Working group without a secretary' },
    message: () => ({
      'zh-TW': '工作小組未指定執行秘書 (通常為教務主任)',
      en: 'the working group names no executive secretary (usually the academic director, 教務主任)',
    }),
  }),
  sizeMismatch: defineCode({
    code: 'PR7513',
    name: 'size-mismatch',
    severity: 'error',
    title: { 'zh-TW': '工作小組人數與名單不符', en: 'Working-group size does not match its members' },
    message: (p: { size: number; listed: number }) => ({
      'zh-TW': `工作小組合計 ${p.size} 人，但成員名單列了 ${p.listed} 人`,
      en: `the working group has ${p.size} members, but ${p.listed} are listed`,
    }),
  }),
  officerNotMember: defineCode({
    code: 'PR7514',
    name: 'officer-not-member',
    severity: 'warning',
    title: { 'zh-TW': '召集人或執行秘書不在成員名單中', en: 'Convener or secretary not among the members' },
    message: (p: { office: 'convener' | 'secretary'; who: string }) => ({
      'zh-TW': `${p.office === 'convener' ? '召集人' : '執行秘書'}「${p.who}」不在工作小組成員名單中`,
      en: `the ${p.office === 'convener' ? 'convener' : 'executive secretary'} \`${p.who}\` is not among the listed members`,
    }),
  }),
  noTrainings: defineCode({
    code: 'PR7515',
    name: 'no-trainings',
    severity: 'warning',
    title: { 'zh-TW': '未訂研習及說明會', en: 'No trainings or briefings' },
    message: () => ({
      'zh-TW': '規定未訂學生訓練、教師研習或親師說明會 (governance.trainings)',
      en: 'the pack sets no trainings or briefings for students, teachers or parents (governance.trainings)',
    }),
  }),
  tooFewMeetings: defineCode({
    code: 'PR7520',
    name: 'too-few-meetings',
    severity: 'error',
    title: { 'zh-TW': '工作小組開會次數不足', en: 'Too few working-group meetings' },
    message: (p: { term: string; required: number; held: number }) => ({
      'zh-TW': `${p.term} 學期工作小組開會 ${p.held} 次，規定每學期至少 ${p.required} 次`,
      en: `the working group met ${p.held} time(s) in term ${p.term}; at least ${p.required} per semester are required`,
    }),
  }),
  tooFewTrainings: defineCode({
    code: 'PR7521',
    name: 'too-few-trainings',
    severity: 'error',
    title: { 'zh-TW': '研習或說明會場次不足', en: 'Too few trainings' },
    message: (p: { academicYear: number; audience: string; kind?: string; required: number; held: number }) => {
      const audience = wordsFor(AUDIENCE_NAMES, p.audience);
      const kind =
        p.kind === undefined ? { 'zh-TW': '研習/說明會', en: 'training' } : wordsFor(TRAINING_KIND_NAMES, p.kind);
      return {
        'zh-TW': `${p.academicYear} 學年度對${audience['zh-TW']}辦理${kind['zh-TW']} ${p.held} 場，規定每學年至少 ${p.required} 場`,
        en: `${p.held} ${kind.en}(s) for ${audience.en} in academic year ${p.academicYear}; at least ${p.required} per academic year are required`,
      };
    },
  }),
  invalidEvidence: defineCode({
    code: 'PR7522',
    name: 'invalid-evidence',
    severity: 'error',
    title: { 'zh-TW': '佐證紀錄日期錯誤', en: 'Invalid evidence entry' },
    message: (p: { entry: string; value: string }) => ({
      'zh-TW': `佐證紀錄 ${p.entry} 的日期「${p.value}」不是 YYYY-MM-DD 格式，已略過`,
      en: `evidence ${p.entry} has the date \`${p.value}\`, not YYYY-MM-DD; it is skipped`,
    }),
  }),
} as const;
