import * as z from 'zod';
import { IDS_META } from '../duties/schema';
import { IdentifierSchema } from '../units/schema';
import { PERMISSIONS, ROLES } from './index';

export const RoleSchema = z.enum(ROLES).describe('角色 / role');
export const PermissionSchema = z
  .enum(PERMISSIONS)
  .describe(
    '權限 / permission: permissionSettings 權限設定, announcements 公告, editPortfolio 編輯學習歷程, viewPortfolio 檢視學習歷程, certifyCourseOutcomes 認證課程學習成果, manageCertificateItems 管理證照項目, submitToCentral 提交至中央資料庫, maintainStudentData 維護學生資料；平臺權限 (全國矩陣沒有此欄) viewStatistics 查看統計, exportStatistics 匯出統計, exportPortfolio 匯出學習歷程 (交換)',
  );

/** A role named in `permissions:`: one of the national matrix or one the pack (or a layer below) declares under `roles:`. */
export const RoleRefSchema = IdentifierSchema.describe(
  '角色 / a role: a national one (systemAdmin 系統管理者, homeroomTeacher 導師 …) or one declared under roles:',
).meta({ [IDS_META]: 'role' });
