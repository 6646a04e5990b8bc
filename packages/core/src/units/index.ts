/** An identifier a pack uses for a unit, role or rule: letters, digits and `-`, starting with a letter. */
export const IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9-]*$/;

/** A school division: the day school and, where there is one, the continuing-education division (進修部). */
export const DIVISIONS = ['day', 'continuingEducation'] as const;
export type Division = (typeof DIVISIONS)[number];

/** A unit of the school (處室/組), as a pack writes it. */
export interface Unit {
  /** The unit as the school writes it, e.g. 註冊組. */
  name: string;
  /** The office it belongs to, e.g. 教務處. */
  office?: string | undefined;
  division?: Division | undefined;
}

/** The units a pack names, by identifier. */
export type Units = Record<string, Unit>;

/** The units most schools have (docs/glossary.md). A pack may add its own or rename these. */
export const COMMON_UNITS: Readonly<Record<string, Unit>> = {
  academicAffairs: { name: '教務處' },
  studentAffairs: { name: '學務處' },
  guidance: { name: '輔導室' },
  registration: { name: '註冊組', office: '教務處' },
  teaching: { name: '教學組', office: '教務處' },
  equipment: { name: '設備組', office: '教務處' },
  specialEducation: { name: '特教組', office: '輔導室' },
  examinations: { name: '試務組', office: '教務處' },
  discipline: { name: '訓育組', office: '學務處' },
  studentLife: { name: '生輔組', office: '學務處' },
  activities: { name: '活動組', office: '學務處' },
};
