import * as z from 'zod';
import { PERMISSIONS, ROLES } from './index';

export const RoleSchema = z.enum(ROLES).describe('角色 / role');
export const PermissionSchema = z.enum(PERMISSIONS).describe('權限 / permission');
