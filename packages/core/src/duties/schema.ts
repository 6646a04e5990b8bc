import * as z from 'zod';
import { SourceRefSchema } from '../sources/schema';
import { DivisionSchema, IdentifierSchema } from '../units/schema';
import { DUTIES } from './index';

export const DutySchema = z.enum(DUTIES).describe('業務 / duty');

/**
 * One link of a deputy chain: a unit or role identifier (`registration`, `departmentTeacher`),
 * or a person the head of a unit designates (`{ designatedBy: registration }`, 新竹 十一(三)).
 */
export const DeputySchema = z.union([
  IdentifierSchema.describe('處室或角色 / a unit or role identifier'),
  z.strictObject({
    designatedBy: IdentifierSchema.describe('由該單位主管指定之代理人 / a deputy the head of this unit designates'),
  }),
]);

const AssignmentShape = {
  owner: IdentifierSchema.describe('主責單位或角色 / the owning unit or role'),
  deputies: z.array(DeputySchema).describe('代理順序 / deputies in order: 第一代理人, 第二代理人 …'),
};

export const DutyAssignmentSchema = z
  .strictObject({
    ...AssignmentShape,
    owner: AssignmentShape.owner.optional(),
    deputies: AssignmentShape.deputies.optional(),
    byDivision: z
      .partialRecord(
        DivisionSchema,
        z.strictObject({
          ...AssignmentShape,
          deputies: AssignmentShape.deputies.optional(),
          source: SourceRefSchema.optional(),
        }),
      )
      .optional()
      .describe("依部別 / owners for a division's own students, e.g. 進修部"),
    source: SourceRefSchema.optional(),
  })
  .describe('業務分工及代理 / who owns a duty and who deputises');

export const DutiesSchema = z
  .partialRecord(DutySchema, DutyAssignmentSchema)
  .describe('業務分工及代理人 / ownership and deputies, per duty');
