import {
  ownNames,
  describeRule,
  gradesText,
  semestersText,
  ACTIVITY_NAMES,
  declaredRoleNames,
  DIVISIONS,
  type Division,
  DUTIES,
  type EffectivePack,
  effectiveMatrix,
  PERMISSION_NAMES,
  ROLES,
  SCOPE_NAMES,
  formatSource,
  type Language,
  linkName,
  ownerOf,
  parseTerm,
  provenanceOf,
  RECORD_KIND_NAMES,
  roleName,
  type Source,
  termWords,
  unitName,
} from '@portfolio-rules/core/internal';
import { type DocumentText, documentText } from './clauses';
import { capText, dutyName } from './names';
import type { Table } from './table';

/** The tables generated from the pack's values, in the order `all` prints them after the document's text. */
export const TABLES = ['division', 'deputies', 'workflow', 'caps', 'roles'] as const;
export type TableKind = (typeof TABLES)[number];
/** What `render --document` writes: `text` (title, history, clauses, annexes), one table, or `all`. */
export const DOCUMENTS = ['all', 'text', ...TABLES] as const;
export type DocumentKind = (typeof DOCUMENTS)[number];

export interface Section {
  readonly kind: TableKind;
  readonly heading: string;
  readonly tables: readonly Table[];
  /** What to say instead of a table when the pack sets nothing for this document. */
  readonly empty?: string;
}

/** The document as the school posts it: its own words (when asked for), then the generated tables under their heading. */
export interface RenderedPack {
  readonly text: DocumentText;
  /** Whether to print the clauses and annexes, or only the title above the tables. */
  readonly withText: boolean;
  /** The heading of the generated tables when they follow the text. */
  readonly tablesHeading?: string;
  /** What to say in place of the clauses when the pack carries no text. */
  readonly noClauses?: string;
  readonly sections: readonly Section[];
}

const TEXT = {
  'zh-TW': {
    headings: {
      division: '工作分工表',
      deputies: '代理人名單',
      workflow: '作業流程',
      caps: '件數規定',
      roles: '本校宣告之角色及權限',
    },
    role: '角色',
    permission: '權限',
    scope: '範圍',
    emptyRoles: '本規定未宣告角色 (角色權限依全國角色權限表)。',
    tables: '附錄：本規定各項設定一覽',
    noClauses: '(本規定檔未收錄條文全文。)',
    divisions: { day: '日間部', continuingEducation: '進修部' } as Record<Division, string>,
    duty: '工作項目',
    owner: '負責單位',
    person: '負責人',
    deputy: (rank: number) => `代理順位 ${rank}`,
    clause: '依據',
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
      roles: 'Roles this pack declares (本校宣告之角色及權限)',
    },
    role: 'role',
    permission: 'permission',
    scope: 'scope',
    emptyRoles: 'The pack declares no roles (the national matrix applies).',
    tables: 'Appendix: the settings of these rules',
    noClauses: '(The pack does not carry the text of its clauses.)',
    divisions: { day: 'day school (日間部)', continuingEducation: 'continuing education (進修部)' } as Record<
      Division,
      string
    >,
    duty: 'duty',
    owner: 'owner',
    person: 'owner',
    deputy: (rank: number) => `deputy ${rank}`,
    clause: 'clause',
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
    unset: '(not set)',
    list: ', ',
    emptyDuties: 'The pack sets no owners or deputies.',
    emptyWindows: 'The pack sets no windows (the national schedule applies).',
    emptyCaps: 'The pack sets no caps.',
  },
} as const;

/** A clause of the pack's own document alone (`九(三)`), any other with its document (`作業要點 多元表現勾選件數`). */
function clauseIn(effective: EffectivePack, source: Source | undefined): string {
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
      ...new Set(owners.map((ownership) => clauseIn(effective, ownership.source)).filter((clause) => clause !== '')),
    ];
    const name = dutyName(duty, language);
    return [
      name,
      ...owners.map((ownership) =>
        ownership.owner === undefined
          ? text.unset
          : unitName(ownership.owner, language, ownNames(effective.values), { office: true }),
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

function deputiesSection(effective: EffectivePack, language: Language): Section {
  const text = TEXT[language];
  const divisions = divisionsOf(effective);
  const split = divisions.length > 1;
  const duties = dutiesSet(effective);
  const tables = divisions.map((division): Table => {
    const owners = duties.map((duty) => ownerOf(effective, duty, split ? { division } : {}));
    const depth = Math.max(0, ...owners.map((ownership) => ownership.deputies.length));
    const rows = owners.map((ownership) => {
      const name = dutyName(ownership.duty, language);
      const deputies = Array.from({ length: depth }, (_, rank) => {
        const link = ownership.deputies[rank];
        return link === undefined ? '—' : linkName(link, language, ownNames(effective.values), { cell: true });
      });
      return [
        name,
        ownership.owner === undefined ? text.unset : unitName(ownership.owner, language, ownNames(effective.values)),
        ...deputies,
        clauseIn(effective, ownership.source),
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
      window.terms
        ? window.terms.map((term) => termName(term, language)).join(text.list)
        : semestersText(window.semesters, language),
      window.opens === undefined ? '—' : describeRule(window.opens, language),
      describeRule(window.closes, language),
      clauseIn(effective, source),
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

      const setBy = provenanceOf(
        effective.provenance,
        `caps.${kind}.${action}.${cap.max === undefined ? 'min' : 'max'}`,
      );
      const name =
        language === 'zh-TW' ? RECORD_KIND_NAMES[kind]['zh-TW'] : `${kind} (${RECORD_KIND_NAMES[kind]['zh-TW']})`;
      rows.push([name, text.actions[action], capText(cap, language), clauseIn(effective, setBy?.source)]);
    }
  }
  const columns = [text.kind, text.action, text.limit, text.clause];
  return {
    kind: 'caps',
    heading: text.headings.caps,
    tables: rows.length > 0 ? [{ columns, rows }] : [],
    ...(rows.length === 0 && { empty: text.emptyCaps }),
  };
}

/**
 * The roles the pack declares and what each may do, as the effective matrix leaves it (a cell the
 * engine refuses, PR5109, is not listed; a narrowed one shows its narrowed scope), with its clause.
 */
function rolesSection(effective: EffectivePack, language: Language): Section {
  const text = TEXT[language];
  const declared = Object.keys(effective.values.roles ?? {}).filter((id) => !(ROLES as readonly string[]).includes(id));
  const { grants } = effectiveMatrix(effective);
  const names = declaredRoleNames(effective.values.roles);
  const rows = declared.flatMap((id) =>
    grants
      .filter((cell) => cell.role === id)
      .map((cell) => [
        roleName(id, language, names),
        language === 'zh-TW'
          ? PERMISSION_NAMES[cell.permission]['zh-TW']
          : `${PERMISSION_NAMES[cell.permission].en} (${PERMISSION_NAMES[cell.permission]['zh-TW']})`,
        language === 'zh-TW' ? SCOPE_NAMES[cell.scope]['zh-TW'] : SCOPE_NAMES[cell.scope].en,
        clauseIn(effective, cell.source),
      ]),
  );
  return {
    kind: 'roles',
    heading: text.headings.roles,
    tables: rows.length > 0 ? [{ columns: [text.role, text.permission, text.scope, text.clause], rows }] : [],
    ...(rows.length === 0 && { empty: text.emptyRoles }),
  };
}

const SECTIONS: Readonly<Record<TableKind, (effective: EffectivePack, language: Language) => Section>> = {
  division: divisionSection,
  deputies: deputiesSection,
  workflow: workflowSection,
  caps: capsSection,
  roles: rolesSection,
};

/** A data term a window names, in words: `111學年度第2學期`. */
function termName(term: string | number, language: Language): string {
  const parsed = parseTerm(term);
  return parsed ? termWords(parsed, language) : String(term);
}

/**
 * The document a school publishes, generated from its pack: with `text` or `all`, the title,
 * adoption history, when it applies, the clauses and annexed tables as written; then the tables
 * generated from the effective values (all four, or the one asked for). Data for the Markdown and
 * HTML formatters.
 */
export function renderPack(
  effective: EffectivePack,
  pack: Parameters<typeof documentText>[0],
  document: DocumentKind,
  language: Language,
): RenderedPack {
  // `all` lists the declared roles only when the pack declares some: most packs leave the national matrix as it is.
  const all = TABLES.filter((kind) => kind !== 'roles' || Object.keys(effective.values.roles ?? {}).length > 0);
  const tables: readonly TableKind[] = document === 'all' ? all : document === 'text' ? [] : [document];
  const withText = document === 'all' || document === 'text';
  const text = documentText(pack, language);
  const bare = text.clauses.length === 0 && text.annexes.length === 0;
  return {
    text,
    withText,
    ...(withText && bare && { noClauses: TEXT[language].noClauses }),
    ...(withText && tables.length > 0 && { tablesHeading: TEXT[language].tables }),
    sections: tables.map((kind) => SECTIONS[kind](effective, language)),
  };
}
