import { z } from 'zod';

/** An identifier a pack uses for a unit, role or rule: letters, digits and `-`, starting with a letter. */
export const IdentifierSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, 'identifier');

/** A school division: the day school and, where there is one, the continuing-education division (進修部). */
export const DIVISIONS = ['day', 'continuingEducation'] as const;
export const DivisionSchema = z.enum(DIVISIONS).describe('部別 / division: day 日間部, continuingEducation 進修部');
export type Division = z.infer<typeof DivisionSchema>;

export const UnitSchema = z
  .strictObject({
    name: z.string().min(1).describe('處室或組別名稱 / the unit as the school writes it, e.g. 註冊組'),
    office: z.string().min(1).optional().describe('所屬處室 / the office it belongs to, e.g. 教務處'),
    division: DivisionSchema.optional(),
  })
  .describe('處室/組 / a unit of the school');
export type Unit = z.infer<typeof UnitSchema>;

export const UnitsSchema = z
  .record(IdentifierSchema, UnitSchema)
  .describe('本校處室 / the units this pack names, by identifier');
export type Units = z.infer<typeof UnitsSchema>;

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
