import * as z from 'zod';
import { PermissionSchema, RoleSchema } from '../roles/schema';
import { SourceRefSchema } from '../sources/schema';

/**
 * How far a permission reaches: `all` (V), a category (V(限課程), V(限多元), V(限幹部), V(限項目),
 * V(限證照)), or a person-bound scope — the courses one teaches, one's own class, oneself.
 */
export const SCOPES = [
  'all',
  'courseOutcomes',
  'diversePerformances',
  'cadre',
  'diverseItems',
  'certificates',
  'taughtCourses',
  'ownClass',
  'self',
] as const;
export type Scope = (typeof SCOPES)[number];

export const ScopeSchema = z
  .enum(SCOPES)
  .describe(
    '範圍 / scope: all 全部, courseOutcomes 限課程, diversePerformances 限多元, cadre 限幹部, diverseItems 限項目, certificates 限證照, taughtCourses 任教課程, ownClass 本班, self 本人',
  );

const CellSchema = z.strictObject({
  role: RoleSchema,
  permission: PermissionSchema,
  scope: ScopeSchema.optional(),
  source: SourceRefSchema.optional(),
});

export const PermissionsSchema = z
  .strictObject({
    narrow: z
      .array(CellSchema)
      .optional()
      .describe('縮減權限 / take a permission away (no scope) or narrow it to a scope within the national one'),
    grant: z
      .array(CellSchema)
      .optional()
      .describe('回復權限 / give back a permission a lower layer narrowed; never beyond the national matrix'),
    source: SourceRefSchema.optional(),
  })
  .describe(
    '角色權限 / roles and permissions: may narrow the national matrix (學習歷程平臺操作手冊 第4章), never widen it',
  );
export type Permissions = z.infer<typeof PermissionsSchema>;
