import {
  COMMON_UNITS,
  DIVISIONS,
  DUTIES,
  DUTY_NAMES,
  formatSource,
  ownerOf,
  RECORD_KIND_NAMES,
  ROLE_NAMES,
  type Division,
  type Duty,
  type EffectivePack,
  type Language,
  type Role,
  type Source,
} from '@portfolio-rules/core';
import { provenanceOf } from '@portfolio-rules/core/internal';
import { ACTIVITY_NAMES, describeRule, gradesText, semestersText } from '../timeline/words';

/** The documents a school publishes with its supplementary rules, in the order `all` prints them. */
export const DOCUMENTS = ['division', 'deputies', 'workflow', 'caps'] as const;
export type DocumentKind = (typeof DOCUMENTS)[number];

/** A table as data: the formatters (Markdown, HTML) only lay it out and escape it. */
export interface Table {
  readonly caption?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface Section {
  readonly kind: DocumentKind;
  readonly heading: string;
  readonly tables: readonly Table[];
  /** What to say instead of a table when the pack sets nothing for this document. */
  readonly empty?: string;
}

export interface RenderedPack {
  readonly title: string;
  readonly facts: readonly (readonly [string, string])[];
  readonly sections: readonly Section[];
}

const DUTY_NAMES_EN: Readonly<Record<Duty, string>> = {
  platformAdministration: 'school platform administration',
  basicData: 'basic data',
  courseRecordSubmission: 'course records submission',
  receiptConfirmation: 'receipt confirmation',
  courseOutcomeSubmission: 'course outcomes submission',
  diversePerformanceSubmission: 'diverse performances submission',
  cadreSubmission: 'cadre records entry and submission',
  courseOutcomeCertification: 'course outcome certification',
};

const TEXT = {
  'zh-TW': {
    headings: { division: '工作分工表', deputies: '代理人名單', workflow: '作業流程', caps: '件數規定' },
    facts: { school: '學校', document: '引用簡稱', version: '版本', adopted: '訂定及修正', layers: '適用層次' },
    divisions: { day: '日間部', continuingEducation: '進修部' } as Record<Division, string>,
    duty: '工作項目',
    owner: '負責單位',
    person: '負責人',
    deputy: (rank: number) => `代理順位 ${rank}`,
    clause: '依據',
    layer: '設定層',
    number: '序號',
    activity: '作業項目',
    grades: '年級',
    semester: '學期',
    opens: '開始',
    closes: '截止',
    kind: '項目',
    action: '作業',
    limit: '規定',
    actions: { upload: '上傳', select: '勾選' },
    per: { semester: '每學期', academicYear: '每學年' },
    max: (count: number, per: string) => `${per}至多 ${count} 件`,
    min: (count: number, per: string) => `${per}至少 ${count} 件`,
    exempt: (sources: string) => `(不計入：${sources})`,
    sources: { student: '學生上傳', schoolEntered: '學校登錄', bulkImport: '項目管理者匯入' } as Record<string, string>,
    designated: (unit: string) => `由${unit}主管指定`,
    unset: '(未指定)',
    list: '、',
    emptyDuties: '本規定未訂業務分工及代理人。',
    emptyWindows: '本規定未訂作業期程 (依全國期程)。',
    emptyCaps: '本規定未訂件數規定。',
  },
  en: {
    headings: {
      division: 'Division of labour (工作分工表)',
      deputies: 'Deputy list (代理人名單)',
      workflow: 'Work flow (作業流程)',
      caps: 'Caps (件數規定)',
    },
    facts: {
      school: 'school',
      document: 'cited as',
      version: 'version',
      adopted: 'adopted and amended',
      layers: 'layers',
    },
    divisions: { day: 'day school (日間部)', continuingEducation: 'continuing education (進修部)' } as Record<
      Division,
      string
    >,
    duty: 'duty',
    owner: 'owner',
    person: 'owner',
    deputy: (rank: number) => `deputy ${rank}`,
    clause: 'clause',
    layer: 'layer',
    number: 'no.',
    activity: 'activity',
    grades: 'grades',
    semester: 'semester',
    opens: 'opens',
    closes: 'closes',
    kind: 'record',
    action: 'action',
    limit: 'rule',
    actions: { upload: 'upload', select: 'selection (勾選)' },
    per: { semester: 'per semester', academicYear: 'per academic year' },
    max: (count: number, per: string) => `at most ${count} ${per}`,
    min: (count: number, per: string) => `at least ${count} ${per}`,
    exempt: (sources: string) => `(not counted: ${sources})`,
    sources: {
      student: 'uploaded by the student',
      schoolEntered: 'entered by the school',
      bulkImport: 'imported by an item manager',
    } as Record<string, string>,
    designated: (unit: string) => `designated by the head of ${unit}`,
    unset: '(not set)',
    list: ', ',
    emptyDuties: 'The pack sets no owners or deputies.',
    emptyWindows: 'The pack sets no windows (the national schedule applies).',
    emptyCaps: 'The pack sets no caps.',
  },
} as const;

/**
 * A unit or role as the school writes it: `註冊組`, `任課教師`; with `office`, its office first as in
 * 馬公's 分工表 (`教務處 註冊組`); in English followed by its identifier.
 */
function unitName(
  effective: EffectivePack,
  id: string,
  language: Language,
  options: { readonly office?: boolean } = {},
): string {
  const unit = effective.values.units?.[id] ?? COMMON_UNITS[id];
  // 進修部教務組 already names its office 進修部.
  const office = options.office && unit?.office && !unit.name.startsWith(unit.office) ? `${unit.office} ` : '';
  const name = unit ? `${office}${unit.name}` : (ROLE_NAMES[id as Role] ?? id);
  return language === 'en' && name !== id ? `${name} (${id})` : name;
}

/** A clause of the pack's own document alone (`九(三)`), any other with its document (`作業要點 多元表現勾選件數`). */
function cite(effective: EffectivePack, source: Source | undefined): string {
  if (!source) return '';
  return source.document === effective.document ? source.clause : formatSource(source);
}

function divisionsOf(effective: EffectivePack): readonly Division[] {
  const divisions = effective.values.divisions ?? ['day'];
  return DIVISIONS.filter((division) => divisions.includes(division));
}

const dutiesSet = (effective: EffectivePack) => DUTIES.filter((duty) => effective.values.duties?.[duty] !== undefined);

function divisionSection(effective: EffectivePack, language: Language): Section {
  const text = TEXT[language];
  const divisions = divisionsOf(effective);
  const split = divisions.length > 1;
  const rows = dutiesSet(effective).map((duty) => {
    const owners = divisions.map((division) => ownerOf(effective, duty, split ? { division } : {}));
    const clauses = [
      ...new Set(owners.map((ownership) => cite(effective, ownership.source)).filter((clause) => clause !== '')),
    ];
    const name = language === 'zh-TW' ? DUTY_NAMES[duty] : `${DUTY_NAMES_EN[duty]} (${DUTY_NAMES[duty]})`;
    return [
      name,
      ...owners.map((ownership) =>
        ownership.owner === undefined ? text.unset : unitName(effective, ownership.owner, language, { office: true }),
      ),
      clauses.join(text.list),
    ];
  });
  const columns = [
    text.duty,
    ...(split ? divisions.map((division) => text.divisions[division]) : [text.owner]),
    text.clause,
  ];
  return {
    kind: 'division',
    heading: text.headings.division,
    tables: rows.length > 0 ? [{ columns, rows }] : [],
    ...(rows.length === 0 && { empty: text.emptyDuties }),
  };
}

function deputyName(effective: EffectivePack, link: string, language: Language): string {
  const designated = /^designatedBy:(.+)$/.exec(link);
  return designated
    ? TEXT[language].designated(unitName(effective, designated[1]!, language))
    : unitName(effective, link, language);
}

function deputiesSection(effective: EffectivePack, language: Language): Section {
  const text = TEXT[language];
  const divisions = divisionsOf(effective);
  const split = divisions.length > 1;
  const duties = dutiesSet(effective);
  const tables = divisions.map((division): Table => {
    const owners = duties.map((duty) => ownerOf(effective, duty, split ? { division } : {}));
    const depth = Math.max(0, ...owners.map((ownership) => ownership.deputies.length));
    const rows = owners.map((ownership) => {
      const name =
        language === 'zh-TW'
          ? DUTY_NAMES[ownership.duty]
          : `${DUTY_NAMES_EN[ownership.duty]} (${DUTY_NAMES[ownership.duty]})`;
      const deputies = Array.from({ length: depth }, (_, rank) => {
        const link = ownership.deputies[rank];
        return link === undefined ? '—' : deputyName(effective, link, language);
      });
      return [
        name,
        ownership.owner === undefined ? text.unset : unitName(effective, ownership.owner, language),
        ...deputies,
        cite(effective, ownership.source),
      ];
    });
    const columns = [
      text.duty,
      text.person,
      ...Array.from({ length: depth }, (_, rank) => text.deputy(rank + 1)),
      text.clause,
    ];
    return { ...(split && { caption: text.divisions[division] }), columns, rows };
  });
  return {
    kind: 'deputies',
    heading: text.headings.deputies,
    tables: duties.length > 0 ? tables : [],
    ...(duties.length === 0 && { empty: text.emptyDuties }),
  };
}

function workflowSection(effective: EffectivePack, language: Language): Section {
  const text = TEXT[language];
  const windows = effective.values.windows ?? [];
  const rows = windows.map((window, index) => {
    const source = provenanceOf(effective.provenance, `windows.${index}`)?.source;
    return [
      String(index + 1),
      ACTIVITY_NAMES[window.activity][language],
      gradesText(window.grades, language),
      // A window for named data terms (`terms: [11102]`) says which; otherwise its semesters.
      window.terms ? window.terms.map(String).join(text.list) : semestersText(window.semesters, language),
      window.opens === undefined ? '—' : describeRule(window.opens, language),
      describeRule(window.closes, language),
      cite(effective, source),
    ];
  });
  const columns = [text.number, text.activity, text.grades, text.semester, text.opens, text.closes, text.clause];
  return {
    kind: 'workflow',
    heading: text.headings.workflow,
    tables: rows.length > 0 ? [{ columns, rows }] : [],
    ...(rows.length === 0 && { empty: text.emptyWindows }),
  };
}

function capsSection(effective: EffectivePack, language: Language): Section {
  const text = TEXT[language];
  const rows: string[][] = [];
  for (const kind of ['courseOutcome', 'diversePerformance'] as const) {
    for (const action of ['upload', 'select'] as const) {
      const cap = effective.values.caps?.[kind]?.[action];
      if (!cap || (cap.max === undefined && cap.min === undefined)) continue;
      const per = text.per[cap.per ?? 'academicYear'];
      const limits = [
        ...(cap.max === undefined ? [] : [text.max(cap.max, per)]),
        ...(cap.min === undefined ? [] : [text.min(cap.min, per)]),
      ];
      const exempt =
        cap.exempt && cap.exempt.length > 0
          ? ` ${text.exempt(cap.exempt.map((source) => text.sources[source] ?? source).join(text.list))}`
          : '';
      const setBy = provenanceOf(
        effective.provenance,
        `caps.${kind}.${action}.${cap.max === undefined ? 'min' : 'max'}`,
      );
      const name = language === 'zh-TW' ? RECORD_KIND_NAMES[kind] : `${kind} (${RECORD_KIND_NAMES[kind]})`;
      rows.push([
        name,
        text.actions[action],
        `${limits.join(text.list)}${exempt}`,
        cite(effective, setBy?.source),
        setBy?.layer ?? '',
      ]);
    }
  }
  const columns = [text.kind, text.action, text.limit, text.clause, text.layer];
  return {
    kind: 'caps',
    heading: text.headings.caps,
    tables: rows.length > 0 ? [{ columns, rows }] : [],
    ...(rows.length === 0 && { empty: text.emptyCaps }),
  };
}

const SECTIONS: Readonly<Record<DocumentKind, (effective: EffectivePack, language: Language) => Section>> = {
  division: divisionSection,
  deputies: deputiesSection,
  workflow: workflowSection,
  caps: capsSection,
};

/** The pack's facts as a document header: school, how it is cited, version, adoptions and layers. */
function factsOf(
  effective: EffectivePack,
  pack: { readonly version?: string; readonly adopted?: readonly { readonly date: string; readonly body: string }[] },
  language: Language,
): [string, string][] {
  const text = TEXT[language].facts;
  const adopted = (pack.adopted ?? []).map((adoption) => `${adoption.date} ${adoption.body}`);
  const separator = language === 'zh-TW' ? '；' : '; ';
  return [
    ...(effective.school ? [[text.school, effective.school] as [string, string]] : []),
    [text.document, effective.document],
    ...(pack.version ? [[text.version, pack.version] as [string, string]] : []),
    ...(adopted.length > 0 ? [[text.adopted, adopted.join(separator)] as [string, string]] : []),
    [text.layers, effective.layers.join(' → ')],
  ];
}

/** The documents a school publishes, generated from its effective pack: data for the Markdown and HTML formatters. */
export function renderPack(
  effective: EffectivePack,
  pack: Parameters<typeof factsOf>[1],
  documents: readonly DocumentKind[],
  language: Language,
): RenderedPack {
  return {
    title: effective.name,
    facts: factsOf(effective, pack, language),
    sections: documents.map((kind) => SECTIONS[kind](effective, language)),
  };
}
