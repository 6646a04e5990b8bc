import * as z from 'zod';
import { PermissionSchema, RoleRefSchema } from '../roles/schema';
import { SourceRefSchema } from '../sources/schema';
import { IdentifierSchema } from '../units/schema';

/**
 * How far a permission reaches: `all` (V), a category (V(限課程), V(限多元), V(限幹部), V(限項目),
 * V(限證照)), or a person-bound scope — the courses one teaches, one's own class, oneself, the
 * students one advises (課程諮詢教師).
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
  'advisees',
] as const;
export type Scope = (typeof SCOPES)[number];

export const ScopeSchema = z
  .enum(SCOPES)
  .describe(
    '範圍 / scope: all 全部, courseOutcomes 限課程, diversePerformances 限多元, cadre 限幹部, diverseItems 限項目, certificates 限證照, taughtCourses 任教課程, ownClass 本班, self 本人, advisees 諮詢學生',
  );

const CellSchema = z.strictObject({
  role: RoleRefSchema,
  permission: PermissionSchema,
  scope: ScopeSchema.optional(),
  source: SourceRefSchema.optional(),
});

export const PermissionsSchema = z
  .strictObject({
    narrow: z
      .array(CellSchema)
      .optional()
      .describe(
        '縮減權限 / take a permission away from a role (no scope) or narrow it to a scope within the one it holds',
      ),
    grant: z
      .array(CellSchema)
      .optional()
      .describe(
        '回復權限：只能把下層 (區域規定) 縮減或取消的權限還給該角色，最多回到全國矩陣 (或宣告該角色時) 的範圍；不能給角色新權限——新權限請宣告角色 (roles:) / give back what a layer below narrowed or took away, up to the national matrix (or the role’s declaration); it never adds a permission: declare a role under roles: for that',
      ),
    source: SourceRefSchema.optional(),
  })
  .describe(
    '角色權限 / roles and permissions: may narrow the national matrix (學習歷程平臺操作手冊 第4章), never widen it',
  );
export type Permissions = z.infer<typeof PermissionsSchema>;

/** One permission a declared role holds, within a scope it must name. */
export const DeclaredPermissionSchema = z
  .strictObject({
    permission: PermissionSchema,
    scope: ScopeSchema.describe(
      '範圍 (必填) / scope, required: all 全部, ownClass 本班, advisees 諮詢學生, courseOutcomes 限課程 …',
    ),
    source: SourceRefSchema.optional(),
  })
  .describe('權限及範圍 / a permission and how far it reaches');

/**
 * A role the platform runs that the national matrix lacks (導師統計、課程諮詢教師查閱、資料查詢、
 * 學習歷程交換、名冊提交): its names in both languages, and each permission with its scope. It never
 * certifies course outcomes nor sets permissions (PR5109); its id may not be a national role's (PR5110).
 */
export const DeclaredRoleSchema = z
  .strictObject({
    name: z.string().min(1).describe('角色名稱 (中文) / the role’s name in Chinese, e.g. 課程諮詢教師 (查閱諮詢學生)'),
    en: z.string().min(1).optional().describe('英文名稱 / its name in English, e.g. consulting teacher (advisees)'),
    permissions: z.array(DeclaredPermissionSchema).min(1).describe('權限 / what the role may do, each within a scope'),
    source: SourceRefSchema.optional(),
  })
  .describe('本校 (平臺) 宣告之角色 / a role the school or platform declares');
export type DeclaredRole = z.infer<typeof DeclaredRoleSchema>;

export const DeclaredRolesSchema = z
  .record(IdentifierSchema, DeclaredRoleSchema)
  .describe(
    '宣告角色 / roles the national matrix lacks, by identifier (not a national role’s): homeroomStatistics, adviser, dataQuery …',
  );
export type DeclaredRoles = z.infer<typeof DeclaredRolesSchema>;
