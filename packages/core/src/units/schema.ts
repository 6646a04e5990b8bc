import * as z from 'zod';
import { DIVISIONS, IDENTIFIER } from './index';

/** An identifier a pack uses for a unit, role or rule: letters, digits and `-`, starting with a letter. */
export const IdentifierSchema = z.string().regex(IDENTIFIER, 'identifier');

export const DivisionSchema = z.enum(DIVISIONS).describe('部別 / division: day 日間部, continuingEducation 進修部');

export const UnitSchema = z
  .strictObject({
    name: z.string().min(1).describe('處室或組別名稱 / the unit as the school writes it, e.g. 註冊組'),
    office: z.string().min(1).optional().describe('所屬處室 / the office it belongs to, e.g. 教務處'),
    division: DivisionSchema.optional(),
  })
  .describe('處室/組 / a unit of the school');

export const UnitsSchema = z
  .record(IdentifierSchema, UnitSchema)
  .describe('本校處室 / the units this pack names, by identifier');
