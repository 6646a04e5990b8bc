import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Deputy, Duties, Duty, DutyAssignment } from '../src/duties';
import type { DutiesSchema, DutyAssignmentSchema, DeputySchema, DutySchema } from '../src/duties/schema';
import type {
  DiversePerformanceCategory,
  EntrySource,
  FileType,
  Grade,
  ReceiptCategory,
  RecordKind,
  StudentKind,
} from '../src/records';
import type {
  DiversePerformanceCategorySchema,
  EntrySourceSchema,
  FileTypeSchema,
  GradeSchema,
  ReceiptCategorySchema,
  RecordKindSchema,
  StudentKindSchema,
} from '../src/records/schema';
import type { Permission, Role } from '../src/roles';
import type { PermissionSchema, RoleSchema } from '../src/roles/schema';
import type { SourceRef } from '../src/sources';
import type { SourceRefSchema } from '../src/sources/schema';
import type { Division, Unit, Units } from '../src/units';
import type { DivisionSchema, UnitSchema, UnitsSchema } from '../src/units/schema';

// The vocabulary's types are written out on floor 1, so that the engine needs no zod at run time; their
// schemas live on floor 2 (`*/schema.ts`). The typecheck holds each type equal to what its schema reads.
describe("the vocabulary's types and their schemas", () => {
  it('are the same types', () => {
    expectTypeOf<z.output<typeof RecordKindSchema>>().toEqualTypeOf<RecordKind>();
    expectTypeOf<z.output<typeof StudentKindSchema>>().toEqualTypeOf<StudentKind>();
    expectTypeOf<z.output<typeof ReceiptCategorySchema>>().toEqualTypeOf<ReceiptCategory>();
    expectTypeOf<z.output<typeof GradeSchema>>().toEqualTypeOf<Grade>();
    expectTypeOf<z.output<typeof EntrySourceSchema>>().toEqualTypeOf<EntrySource>();
    expectTypeOf<z.output<typeof FileTypeSchema>>().toEqualTypeOf<FileType>();
    expectTypeOf<z.output<typeof DiversePerformanceCategorySchema>>().toEqualTypeOf<DiversePerformanceCategory>();
    expectTypeOf<z.output<typeof DivisionSchema>>().toEqualTypeOf<Division>();
    expectTypeOf<z.output<typeof UnitSchema>>().toEqualTypeOf<Unit>();
    expectTypeOf<z.output<typeof UnitsSchema>>().toEqualTypeOf<Units>();
    expectTypeOf<z.output<typeof SourceRefSchema>>().toEqualTypeOf<SourceRef>();
    expectTypeOf<z.output<typeof DutySchema>>().toEqualTypeOf<Duty>();
    expectTypeOf<z.output<typeof DeputySchema>>().toEqualTypeOf<Deputy>();
    expectTypeOf<z.output<typeof DutyAssignmentSchema>>().toEqualTypeOf<DutyAssignment>();
    expectTypeOf<z.output<typeof DutiesSchema>>().toEqualTypeOf<Duties>();
    expectTypeOf<z.output<typeof RoleSchema>>().toEqualTypeOf<Role>();
    expectTypeOf<z.output<typeof PermissionSchema>>().toEqualTypeOf<Permission>();
  });
});
