import { defineCode } from '../findings/define';
import type { Localized } from '../findings/types';
import { chainWords, linkName, nameIn, type OwnNames, PERMISSION_NAMES, roleName, SCOPE_NAMES } from '../names';

/** Declared roles' names by id (`declaredRoleNames`), for the messages that name them. */
type Names = Readonly<Record<string, Localized>>;

export const PERMISSION_CODES = {
  notPermitted: defineCode({
    code: 'PR5101',
    name: 'not-permitted',
    severity: 'error',
    title: { 'zh-TW': '角色無此權限', en: 'No role gives this permission' },
    message: (p: { actor: string; permission: string; roles: readonly string[]; names?: Names }) => ({
      'zh-TW': `「${p.actor}」的角色 (${p.roles.map((role) => roleName(role, 'zh-TW', p.names)).join('、') || '無'}) 都沒有「${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')}」權限`,
      en: `none of the roles of \`${p.actor}\` (${p.roles.map((role) => roleName(role, 'en', p.names)).join(', ') || 'none'}) gives ${nameIn(PERMISSION_NAMES, p.permission, 'en')}`,
    }),
  }),
  outOfScope: defineCode({
    code: 'PR5102',
    name: 'out-of-scope',
    severity: 'error',
    title: { 'zh-TW': '超出權限範圍', en: "Outside the permission's scope" },
    message: (p: { actor: string; permission: string; role: string; scope: string; names?: Names }) => ({
      'zh-TW': `「${p.actor}」以「${roleName(p.role, 'zh-TW', p.names)}」身分只能在「${nameIn(SCOPE_NAMES, p.scope, 'zh-TW')}」範圍內${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')}，此筆資料不在範圍內`,
      en: `as ${roleName(p.role, 'en', p.names)}, \`${p.actor}\` holds ${nameIn(PERMISSION_NAMES, p.permission, 'en')} only within ${nameIn(SCOPE_NAMES, p.scope, 'en')}; this record is outside it`,
    }),
  }),
  removedByPack: defineCode({
    code: 'PR5103',
    name: 'removed-by-pack',
    severity: 'error',
    title: { 'zh-TW': '本校規定已取消此權限', en: 'The pack took this permission away' },
    message: (p: { actor: string; permission: string; role: string; names?: Names }) => ({
      'zh-TW': `本校規定取消了「${roleName(p.role, 'zh-TW', p.names)}」的「${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')}」權限`,
      en: `the pack takes ${nameIn(PERMISSION_NAMES, p.permission, 'en')} away from ${roleName(p.role, 'en', p.names)}`,
    }),
  }),
  widensMatrix: defineCode({
    code: 'PR5104',
    name: 'widens-matrix',
    severity: 'error',
    title: { 'zh-TW': '超出全國角色權限', en: 'Widens the national matrix' },
    message: (p: {
      role: string;
      permission: string;
      scope?: string;
      nationalScope?: string;
      declared?: boolean;
      names?: Names;
    }) => {
      const role = { zh: roleName(p.role, 'zh-TW', p.names), en: roleName(p.role, 'en', p.names) };
      const permission = {
        zh: nameIn(PERMISSION_NAMES, p.permission, 'zh-TW'),
        en: nameIn(PERMISSION_NAMES, p.permission, 'en'),
      };
      const where = p.declared ? { zh: '宣告時', en: 'as declared' } : { zh: '全國規定', en: 'nationally' };
      return {
        'zh-TW': p.nationalScope
          ? `「${role.zh}」的「${permission.zh}」${where.zh}範圍為「${nameIn(SCOPE_NAMES, p.nationalScope, 'zh-TW')}」，不得設為「${nameIn(SCOPE_NAMES, p.scope ?? '', 'zh-TW')}」；已忽略`
          : p.declared
            ? `「${role.zh}」宣告時未給「${permission.zh}」權限；grant 只能回復被縮減的權限，不能增加——請寫在該角色之宣告 (roles:)；已忽略`
            : `全國角色權限表未給「${role.zh}」「${permission.zh}」權限，學校不得自行增加 (grant 只能回復被縮減的權限；新權限請宣告角色 roles:)；已忽略`,
        en: p.nationalScope
          ? `${role.en} holds ${permission.en} within ${nameIn(SCOPE_NAMES, p.nationalScope, 'en')} ${where.en}; ${nameIn(SCOPE_NAMES, p.scope ?? '', 'en')} is not within it — ignored`
          : p.declared
            ? `${role.en} was not declared with ${permission.en}; grant only gives back what was narrowed, it never adds — write it in the role's declaration (roles:) — ignored`
            : `the national matrix does not give ${role.en} ${permission.en}, and a pack may not add it (grant only gives back what was narrowed; declare a role under roles: for new permissions) — ignored`,
      };
    },
  }),
  accountExpired: defineCode({
    code: 'PR5105',
    name: 'account-expired',
    severity: 'error',
    title: { 'zh-TW': '帳號保留期限已過', en: 'The account has expired' },
    message: (p: { actor: string; activeUntil: string; at: string }) => ({
      'zh-TW': `「${p.actor}」的帳號保留至 ${p.activeUntil}，${p.at} 已不得再操作`,
      en: `the account of \`${p.actor}\` was kept until ${p.activeUntil}; on ${p.at} it may no longer act`,
    }),
  }),
  actingAsDeputy: defineCode({
    code: 'PR5106',
    name: 'acting-as-deputy',
    severity: 'info',
    title: { 'zh-TW': '以代理人身分執行', en: 'Acting as deputy' },
    message: (p: { actor: string; permission: string; link: string; chain: readonly string[]; own?: OwnNames }) => ({
      'zh-TW': `「${p.actor}」以代理人「${linkName(p.link, 'zh-TW', p.own)}」身分執行${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')} (代理順序 ${chainWords(p.chain, 'zh-TW', p.own)})`,
      en: `\`${p.actor}\` holds ${nameIn(PERMISSION_NAMES, p.permission, 'en')} as the acting deputy ${linkName(p.link, 'en', p.own)} (chain ${chainWords(p.chain, 'en', p.own)})`,
    }),
  }),
  narrowsNothing: defineCode({
    code: 'PR5107',
    name: 'narrows-nothing',
    severity: 'warning',
    title: { 'zh-TW': '縮減的權限本來就沒有', en: 'Narrows a permission the role does not hold' },
    message: (p: { role: string; permission: string; names?: Names }) => ({
      'zh-TW': `「${roleName(p.role, 'zh-TW', p.names)}」本來就沒有「${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')}」權限，此縮減設定無作用`,
      en: `${roleName(p.role, 'en', p.names)} does not hold ${nameIn(PERMISSION_NAMES, p.permission, 'en')}, so narrowing it has no effect`,
    }),
  }),
  unknownRole: defineCode({
    code: 'PR5108',
    name: 'unknown-role',
    severity: 'error',
    title: { 'zh-TW': '未知的角色', en: 'Unknown role' },
    message: (p: { role: string; path: string; suggestion?: string }) => ({
      'zh-TW': `${p.path} 的角色「${p.role}」既不是全國角色權限表的角色，也沒有在 roles: 宣告${p.suggestion ? `；是否為「${p.suggestion}」？` : ''}；此設定無作用`,
      en: `the role \`${p.role}\` in ${p.path} is neither a role of the national matrix nor declared under roles:${p.suggestion ? `; did you mean \`${p.suggestion}\`?` : ''} — the entry does nothing`,
    }),
  }),
  reservedPermission: defineCode({
    code: 'PR5109',
    name: 'reserved-permission',
    severity: 'error',
    title: { 'zh-TW': '宣告之角色不得持有此權限', en: 'A declared role may not hold this permission' },
    message: (p: { role: string; permission: string; holder: string; names?: Names }) => ({
      'zh-TW': `宣告之角色「${roleName(p.role, 'zh-TW', p.names)}」不得持有「${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')}」：此權限僅屬${p.holder === 'courseTeacher' ? '任課教師及其代理人 (依代理順序)' : '系統管理者'}；已忽略`,
      en: `the declared role ${roleName(p.role, 'en', p.names)} may not hold ${nameIn(PERMISSION_NAMES, p.permission, 'en')}: it belongs to ${p.holder === 'courseTeacher' ? "the course's teacher and their deputies, in the deputy chain's order" : 'the system administrator'} — ignored`,
    }),
  }),
  redeclaresNationalRole: defineCode({
    code: 'PR5110',
    name: 'redeclares-national-role',
    severity: 'error',
    title: { 'zh-TW': '不得重新宣告全國角色', en: 'A national role cannot be declared again' },
    message: (p: { role: string }) => ({
      'zh-TW': `「${roleName(p.role, 'zh-TW')}」(${p.role}) 是全國角色權限表的角色，其權限依全國矩陣，不得於 roles: 重新宣告或增加；要縮減請用 permissions.narrow，要給新權限請另取代號宣告新角色，並將該角色指派給相關人員；已忽略`,
      en: `${roleName(p.role, 'en')} (\`${p.role}\`) is a role of the national matrix: its permissions are the matrix's and roles: cannot declare it again or add to it. Narrow it with permissions.narrow; for new permissions declare a role under another id and give it to the people concerned — ignored`,
    }),
  }),
  declaredRoleCertifies: defineCode({
    code: 'PR5111',
    name: 'declared-role-in-certification-chain',
    severity: 'error',
    title: { 'zh-TW': '宣告之角色不得為認證代理人', en: 'A declared role cannot be a certification deputy' },
    message: (p: { role: string; path: string; names?: Names }) => ({
      'zh-TW': `${p.path} 將宣告之角色「${roleName(p.role, 'zh-TW', p.names)}」列入課程學習成果認證之負責人或代理人；認證僅屬任課教師及其代理教師或處室，宣告之角色不能因此取得認證權限；此代理順位不予採用`,
      en: `${p.path} puts the declared role ${roleName(p.role, 'en', p.names)} in the course-outcome certification chain; only the course's teacher and their deputy teachers or units certify, and a declared role gains no certification from it — the link is not used`,
    }),
  }),
} as const;
