import {
  ownNames,
  describeRule,
  gradesText,
  semestersText,
  type Cap,
  type DateRule,
  type Duty,
  DUTIES,
  type EffectivePack,
  ACTIVITY_NAMES,
  ENROLMENT_CHANGE_NAMES,
  ENROLMENT_HANDLING_NAMES,
  type Language,
  type Localized,
  linkName,
  nameIn,
  parseTerm,
  PERMISSION_NAMES,
  RECORD_KIND_NAMES,
  roleName,
  SCOPE_NAMES,
  termWords,
  unitName,
  unreachable,
} from '@portfolio-rules/core/internal';
import { capText, dutyName } from '../render/names';
import { type Setting, textOf } from './settings';

/** A setting in words: what it is about (`課程學習成果上傳件數`) and its value (`每學期至多 6 件`). */
export interface SettingWords {
  readonly subject: string;
  readonly value: string;
}

type Plain = Record<string, unknown>;

const W = {
  'zh-TW': {
    list: '、',
    yes: '是',
    no: '否',
    upload: '上傳',
    select: '勾選',
    capOf: (kind: string, action: string) => `${kind}${action}件數`,
    per: { semester: '每學期', academicYear: '每學年' } as Record<string, string>,
    perOf: (subject: string) => `${subject}之計算期間`,
    exemptOf: (subject: string) => `${subject}不計入之項目`,
    filesOf: (kind: string) => `${kind}檔案`,
    files: {
      types: (what: string) => `${what}格式`,
      maxMegabytes: (what: string) => `${what}大小上限`,
      summaryMaxChars: (what: string) => `${what}簡述字數上限`,
    } as Record<string, (what: string) => string>,
    fileKinds: { document: '文件', media: '影音' } as Record<string, string>,
    megabytes: (count: number) => `${count} MB`,
    characters: (count: number) => `${count}字`,
    owner: (duty: string, division: string) => `${division}${duty}之負責單位`,
    deputies: (duty: string, division: string) => `${division}${duty}之代理人及代理順位`,
    divisions: { day: '日間部', continuingEducation: '進修部' } as Record<string, string>,
    none: '無',
    window: (activity: string, scope: string) => `${activity}期程${scope ? `（${scope}）` : ''}`,
    windowPart: { opens: '開始', closes: '截止', minDays: '至少開放日數', closesAfter: '截止日須晚於' } as Record<
      string,
      string
    >,
    days: (count: number) => `${count}日`,
    bound: (window: string) => `${window}之原則`,
    lock: (kind: string) => `${kind}名冊提交後學生端鎖定`,
    locks: { always: '一律鎖定', optional: '由提交人員決定', never: '不鎖定' } as Record<string, string>,
    confirmationDays: '收訖明細確認期間',
    atLeastDays: (count: number) => `至少${count}日`,
    leaverNotice: '已離校學生之收訖明細通知方式',
    channels: { paper: '紙本郵寄', email: '電子郵件' } as Record<string, string>,
    sealYears: '畢業生學習歷程檔案資料封存年限',
    years: (count: number) => `${count}年`,
    afterSeal: '封存期滿後之處理',
    afterSealWords: { mayDelete: '得刪除', mustDelete: '應刪除', keep: '保留' } as Record<string, string>,
    backupBy: '備份及典藏單位',
    group: {
      size: '工作小組人數',
      convener: '工作小組召集人',
      secretary: '工作小組執行秘書',
      members: '工作小組成員',
    } as Record<string, string>,
    people: (count: number) => `${count}人`,
    meetings: '工作小組每學期至少開會次數',
    times: (count: number) => `${count}次`,
    training: (audience: string, kind: string) => `對${audience}辦理之${kind}`,
    perYear: (count: number) => `每學年至少${count}場`,
    trainingBy: (subject: string) => `${subject}之辦理單位`,
    audiences: { students: '學生', teachers: '教師', parents: '家長', staff: '教職員' } as Record<string, string>,
    trainingKinds: { training: '訓練', briefing: '宣導說明', workshop: '研習' } as Record<string, string>,
    trainingAny: '研習或說明會',
    divisionsSubject: '部別',
    unit: (name: string) => `單位「${name}」`,
    role: (name: string) => `宣告之角色「${name}」`,
    unitValue: (name: string, office: string | undefined) => (office ? `${office}${name}` : name),
    rule: (message: string) => `自訂檢核規則「${message}」`,
    ruleParts: { when: '條件', severity: '嚴重程度', message: '訊息', about: '適用對象' } as Record<string, string>,
    severity: { error: '錯誤', warning: '警告', info: '提示' } as Record<string, string>,
    permission: (role: string, permission: string, action: string) => `${role}之「${permission}」權限${action}`,
    narrowed: '縮減',
    granted: '回復',
    scope: (scope: string) => `範圍：${scope}`,
    taken: '取消',
    enrolment: (change: string, aspect: string) => `${change}學生之${aspect}`,
    enrolmentAspects: {
      capsCount: '件數計算',
      submittingSchool: '提交學校',
      pendingCertifications: '未認證項目之處理',
    } as Record<string, string>,
    setting: '設定',
  },
  en: {
    list: ', ',
    yes: 'yes',
    no: 'no',
    upload: 'upload',
    select: 'selection',
    capOf: (kind: string, action: string) => `the ${kind} ${action} cap`,
    per: { semester: 'per semester', academicYear: 'per academic year' } as Record<string, string>,
    perOf: (subject: string) => `the period of ${subject}`,
    exemptOf: (subject: string) => `what ${subject} does not count`,
    filesOf: (kind: string) => `${kind} files`,
    files: {
      types: (what: string) => `${what}: formats`,
      maxMegabytes: (what: string) => `${what}: largest size`,
      summaryMaxChars: (what: string) => `${what}: longest summary`,
    } as Record<string, (what: string) => string>,
    fileKinds: { document: 'document', media: 'audio and video' } as Record<string, string>,
    megabytes: (count: number) => `${count} MB`,
    characters: (count: number) => `${count} characters`,
    owner: (duty: string, division: string) => `the owner of ${duty}${division ? ` (${division})` : ''}`,
    deputies: (duty: string, division: string) => `the deputies of ${duty}${division ? ` (${division})` : ''}`,
    divisions: { day: 'day school', continuingEducation: 'continuing education' } as Record<string, string>,
    none: 'none',
    window: (activity: string, scope: string) => `the ${activity} window${scope ? ` (${scope})` : ''}`,
    windowPart: { opens: 'opens', closes: 'closes', minDays: 'open at least', closesAfter: 'closes after' } as Record<
      string,
      string
    >,
    days: (count: number) => `${count} day${count === 1 ? '' : 's'}`,
    bound: (window: string) => `the bound on ${window}`,
    lock: (kind: string) => `locking the student side when the ${kind} roster is submitted`,
    locks: { always: 'always', optional: 'as the submitter chooses', never: 'never' } as Record<string, string>,
    confirmationDays: 'the receipt confirmation period',
    atLeastDays: (count: number) => `at least ${count} day${count === 1 ? '' : 's'}`,
    leaverNotice: 'how students who left are asked to confirm their receipts',
    channels: { paper: 'paper mail', email: 'email' } as Record<string, string>,
    sealYears: "how long graduates' records stay sealed",
    years: (count: number) => `${count} year${count === 1 ? '' : 's'}`,
    afterSeal: 'after the seal',
    afterSealWords: { mayDelete: 'may be deleted', mustDelete: 'must be deleted', keep: 'kept' } as Record<
      string,
      string
    >,
    backupBy: 'the unit that backs up and archives',
    group: {
      size: 'the working group size',
      convener: "the working group's convener",
      secretary: "the working group's secretary",
      members: "the working group's members",
    } as Record<string, string>,
    people: (count: number) => `${count} member${count === 1 ? '' : 's'}`,
    meetings: 'working group meetings per semester, at least',
    times: (count: number) => `${count}`,
    training: (audience: string, kind: string) => `${kind} for ${audience}`,
    perYear: (count: number) => `at least ${count} per academic year`,
    trainingBy: (subject: string) => `who runs ${subject}`,
    audiences: { students: 'students', teachers: 'teachers', parents: 'parents', staff: 'staff' } as Record<
      string,
      string
    >,
    trainingKinds: { training: 'training', briefing: 'briefings', workshop: 'workshops' } as Record<string, string>,
    trainingAny: 'trainings or briefings',
    divisionsSubject: 'divisions',
    unit: (name: string) => `the unit ${name}`,
    role: (name: string) => `the declared role ${name}`,
    unitValue: (name: string, office: string | undefined) => (office ? `${office} ${name}` : name),
    rule: (message: string) => `the custom rule “${message}”`,
    ruleParts: { when: 'condition', severity: 'severity', message: 'message', about: 'applies to' } as Record<
      string,
      string
    >,
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
    permission: (role: string, permission: string, action: string) => `${role}: ${permission} ${action}`,
    narrowed: 'narrowed',
    granted: 'given back',
    scope: (scope: string) => `scope: ${scope}`,
    taken: 'taken away',
    enrolment: (change: string, aspect: string) => `${aspect} for ${change} students`,
    enrolmentAspects: {
      capsCount: 'how caps count',
      submittingSchool: 'the school that submits',
      pendingCertifications: 'uncertified items',
    } as Record<string, string>,
    setting: 'setting',
  },
} as const;

const kindName = (kind: string, language: Language) => nameIn(RECORD_KIND_NAMES, kind, language);

function listWords(values: readonly unknown[], words: Readonly<Record<string, string>>, language: Language) {
  return values.map((value) => words[String(value)] ?? String(value)).join(W[language].list);
}

const ruleWords = (rule: unknown, language: Language) => describeRule(rule as DateRule, language);

/** The scope a window applies to, in words: grades, semesters or the data terms it names. */
function windowScope(window: Plain, language: Language): string {
  const parts: string[] = [];
  if (Array.isArray(window.grades)) parts.push(gradesText(window.grades as never, language));
  if (Array.isArray(window.terms))
    parts.push(
      window.terms
        .map((term) => {
          const parsed = parseTerm(term);
          return parsed ? termWords(parsed, language) : String(term);
        })
        .join(W[language].list),
    );
  else if (Array.isArray(window.semesters)) parts.push(semestersText(window.semesters as never, language));
  return parts.join(W[language].list);
}

function windowSubject(window: Plain, language: Language): string {
  const activity = nameIn(ACTIVITY_NAMES, textOf(window.activity), language);
  return W[language].window(activity, windowScope(window, language));
}

/** The setting in words, for the amendment table's 說明: never a key or an identifier in zh-TW. */
export function settingWords(setting: Setting, effective: EffectivePack, language: Language): SettingWords {
  const w = W[language];
  const { holder, holderPath, name, value } = setting;
  const plainValue = () =>
    Array.isArray(value)
      ? value.map(String).join(w.list)
      : typeof value === 'boolean'
        ? value
          ? w.yes
          : w.no
        : String(value);
  switch (setting.section) {
    case 'caps': {
      const [, kind = '', action = ''] = holderPath;
      const subject = w.capOf(kindName(kind, language), action === 'select' ? w.select : w.upload);
      if (name === 'max' || name === 'min')
        return { subject, value: capText({ per: holder.per, [name]: value } as Cap, language) };
      if (name === 'per') return { subject: w.perOf(subject), value: w.per[String(value)] ?? String(value) };
      if (name === 'exempt')
        return {
          subject: w.exemptOf(subject),
          value: capText({ per: holder.per, exempt: value } as Cap, language).replace(/^.*?[(]|[)]$/g, ''),
        };
      break;
    }
    case 'files': {
      const [, kind = '', fileKind] = holderPath;
      const what = fileKind
        ? `${w.filesOf(kindName(kind, language))}（${w.fileKinds[fileKind] ?? fileKind}）`
        : w.filesOf(kindName(kind, language));
      const subject = w.files[name]?.(what) ?? what;
      if (name === 'maxMegabytes') return { subject, value: w.megabytes(Number(value)) };
      if (name === 'summaryMaxChars') return { subject, value: w.characters(Number(value)) };
      return { subject, value: plainValue() };
    }
    case 'duties': {
      const duty = holderPath[1] as Duty;
      const division = holderPath[2] === 'byDivision' ? (w.divisions[holderPath[3] ?? ''] ?? '') : '';
      const dutyWords = DUTIES.includes(duty) ? dutyName(duty, language) : duty;
      if (name === 'owner')
        return {
          subject: w.owner(dutyWords, division),
          value: unitName(String(value), language, ownNames(effective.values)),
        };
      if (name === 'deputies') {
        const links = (Array.isArray(value) ? value : []).map((link) =>
          typeof link === 'object' && link !== null && 'designatedBy' in link
            ? `designatedBy:${String((link as Plain).designatedBy)}`
            : String(link),
        );
        return {
          subject: w.deputies(dutyWords, division),
          value:
            links.length === 0
              ? w.none
              : links.map((link) => linkName(link, language, ownNames(effective.values), { cell: true })).join(w.list),
        };
      }
      break;
    }
    case 'windows':
    case 'windowBounds': {
      const window = windowSubject(holder, language);
      const subject = `${setting.section === 'windowBounds' ? w.bound(window) : window}${w.windowPart[name] ? `：${w.windowPart[name]}` : ''}`;
      if (name === 'opens' || name === 'closes' || name === 'closesAfter')
        return { subject, value: ruleWords(value, language) };
      if (name === 'minDays') return { subject, value: w.days(Number(value)) };
      break;
    }
    case 'submissionLock':
      return {
        subject: w.lock(kindName(holderPath[1] ?? '', language)),
        value: w.locks[String(value)] ?? plainValue(),
      };
    case 'receipts':
      if (name === 'confirmationDays') return { subject: w.confirmationDays, value: w.atLeastDays(Number(value)) };
      if (name === 'leaverNotice')
        return { subject: w.leaverNotice, value: listWords(value as unknown[], w.channels, language) };
      break;
    case 'retention':
      if (name === 'sealYears') return { subject: w.sealYears, value: w.years(Number(value)) };
      if (name === 'afterSeal') return { subject: w.afterSeal, value: w.afterSealWords[String(value)] ?? plainValue() };
      if (name === 'backupBy')
        return { subject: w.backupBy, value: unitName(String(value), language, ownNames(effective.values)) };
      break;
    case 'governance': {
      if (holderPath[1] === 'workingGroup' && w.group[name]) {
        return {
          subject: w.group[name] ?? unreachable(`group word ${name}`),
          value: name === 'size' ? w.people(Number(value)) : plainValue(),
        };
      }
      if (holderPath[1] === 'meetings') return { subject: w.meetings, value: w.times(Number(value)) };
      if (holderPath[1] === 'trainings') {
        const audience = w.audiences[String(holder.audience)] ?? String(holder.audience);
        const kind =
          holder.kind === undefined ? w.trainingAny : (w.trainingKinds[textOf(holder.kind)] ?? textOf(holder.kind));
        const subject = w.training(audience, kind);
        if (name === 'perAcademicYear') return { subject, value: w.perYear(Number(value)) };
        if (name === 'by') return { subject: w.trainingBy(subject), value: plainValue() };
        return { subject, value: plainValue() };
      }
      break;
    }
    case 'divisions':
      return { subject: w.divisionsSubject, value: listWords(value as unknown[], w.divisions, language) };
    case 'units': {
      const unit = value as { name?: string; office?: string };
      return { subject: w.unit(unit.name ?? name), value: w.unitValue(unit.name ?? name, unit.office) };
    }
    case 'roles': {
      // A declared role as one value: its permissions in words, each with its scope.
      const role = value as { name?: string; permissions?: readonly { permission?: string; scope?: string }[] };
      const held = (role.permissions ?? []).map(
        (entry) =>
          `${nameIn(PERMISSION_NAMES, textOf(entry.permission), language)} (${nameIn(SCOPE_NAMES, textOf(entry.scope), language)})`,
      );
      return { subject: w.role(role.name ?? name), value: held.join(w.list) };
    }
    case 'rules': {
      const message = holder.message as Partial<Record<string, string>> | undefined;
      const subject = w.rule(message?.[language] ?? message?.['zh-TW'] ?? String(holder.id));
      const part = w.ruleParts[name];
      if (name === 'severity')
        return { subject: `${subject}：${part}`, value: w.severity[String(value)] ?? plainValue() };
      if (name === 'message') return { subject: `${subject}：${part}`, value: message?.[language] ?? '' };
      return { subject: part ? `${subject}：${part}` : subject, value: part && name === 'when' ? '' : plainValue() };
    }
    case 'permissions': {
      const role = roleName(textOf(holder.role), language, ownNames(effective.values).roles);
      const action = holderPath[1] === 'grant' ? w.granted : w.narrowed;
      return {
        subject: w.permission(role, nameIn(PERMISSION_NAMES, textOf(holder.permission), language), action),
        value: holder.scope === undefined ? w.taken : w.scope(nameIn(SCOPE_NAMES, textOf(holder.scope), language)),
      };
    }
    case 'enrolment': {
      const change = nameIn(ENROLMENT_CHANGE_NAMES, holderPath[1] ?? '', language);
      const values: Readonly<Record<string, Localized>> | undefined =
        name === 'submittingSchool' || name === 'capsCount' || name === 'pendingCertifications'
          ? ENROLMENT_HANDLING_NAMES[name]
          : undefined;
      return {
        subject: w.enrolment(change, w.enrolmentAspects[name] ?? w.setting),
        value: values ? nameIn(values, String(value), language) : plainValue(),
      };
    }
  }
  return { subject: w.setting, value: plainValue() };
}
