import { defineCode } from '../findings/define';
import { chainWords, linkName, nameIn, PERMISSION_NAMES, ROLE_NAMES, SCOPE_NAMES } from '../names';

export const PERMISSION_CODES = {
  notPermitted: defineCode({
    code: 'PR5101',
    name: 'not-permitted',
    severity: 'error',
    title: { 'zh-TW': '角色無此權限', en: 'No role gives this permission' },
    message: (p: { actor: string; permission: string; roles: readonly string[] }) => ({
      'zh-TW': `「${p.actor}」的角色 (${p.roles.map((role) => nameIn(ROLE_NAMES, role, 'zh-TW')).join('、') || '無'}) 都沒有「${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')}」權限`,
      en: `none of the roles of \`${p.actor}\` (${p.roles.map((role) => nameIn(ROLE_NAMES, role, 'en')).join(', ') || 'none'}) gives ${nameIn(PERMISSION_NAMES, p.permission, 'en')}`,
    }),
  }),
  outOfScope: defineCode({
    code: 'PR5102',
    name: 'out-of-scope',
    severity: 'error',
    title: { 'zh-TW': '超出權限範圍', en: "Outside the permission's scope" },
    message: (p: { actor: string; permission: string; role: string; scope: string }) => ({
      'zh-TW': `「${p.actor}」以「${nameIn(ROLE_NAMES, p.role, 'zh-TW')}」身分只能在「${nameIn(SCOPE_NAMES, p.scope, 'zh-TW')}」範圍內${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')}，此筆資料不在範圍內`,
      en: `as ${nameIn(ROLE_NAMES, p.role, 'en')}, \`${p.actor}\` holds ${nameIn(PERMISSION_NAMES, p.permission, 'en')} only within ${nameIn(SCOPE_NAMES, p.scope, 'en')}; this record is outside it`,
    }),
  }),
  removedByPack: defineCode({
    code: 'PR5103',
    name: 'removed-by-pack',
    severity: 'error',
    title: { 'zh-TW': '本校規定已取消此權限', en: 'The pack took this permission away' },
    message: (p: { actor: string; permission: string; role: string }) => ({
      'zh-TW': `本校規定取消了「${nameIn(ROLE_NAMES, p.role, 'zh-TW')}」的「${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')}」權限`,
      en: `the pack takes ${nameIn(PERMISSION_NAMES, p.permission, 'en')} away from ${nameIn(ROLE_NAMES, p.role, 'en')}`,
    }),
  }),
  widensMatrix: defineCode({
    code: 'PR5104',
    name: 'widens-matrix',
    severity: 'error',
    title: { 'zh-TW': '超出全國角色權限', en: 'Widens the national matrix' },
    message: (p: { role: string; permission: string; scope?: string; nationalScope?: string }) => ({
      'zh-TW': p.nationalScope
        ? `「${nameIn(ROLE_NAMES, p.role, 'zh-TW')}」的「${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')}」全國規定範圍為「${nameIn(SCOPE_NAMES, p.nationalScope, 'zh-TW')}」，不得設為「${nameIn(SCOPE_NAMES, p.scope ?? '', 'zh-TW')}」；已忽略`
        : `全國角色權限表未給「${nameIn(ROLE_NAMES, p.role, 'zh-TW')}」「${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')}」權限，學校不得自行增加；已忽略`,
      en: p.nationalScope
        ? `${nameIn(ROLE_NAMES, p.role, 'en')} holds ${nameIn(PERMISSION_NAMES, p.permission, 'en')} within ${nameIn(SCOPE_NAMES, p.nationalScope, 'en')} nationally; ${nameIn(SCOPE_NAMES, p.scope ?? '', 'en')} is not within it — ignored`
        : `the national matrix does not give ${nameIn(ROLE_NAMES, p.role, 'en')} ${nameIn(PERMISSION_NAMES, p.permission, 'en')}, and a pack may not add it — ignored`,
    }),
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
    message: (p: { actor: string; permission: string; link: string; chain: readonly string[] }) => ({
      'zh-TW': `「${p.actor}」以代理人「${linkName(p.link, 'zh-TW')}」身分執行${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')} (代理順序 ${chainWords(p.chain, 'zh-TW')})`,
      en: `\`${p.actor}\` holds ${nameIn(PERMISSION_NAMES, p.permission, 'en')} as the acting deputy ${linkName(p.link, 'en')} (chain ${chainWords(p.chain, 'en')})`,
    }),
  }),
  narrowsNothing: defineCode({
    code: 'PR5107',
    name: 'narrows-nothing',
    severity: 'warning',
    title: { 'zh-TW': '縮減的權限本來就沒有', en: 'Narrows a permission the role does not hold' },
    message: (p: { role: string; permission: string }) => ({
      'zh-TW': `「${nameIn(ROLE_NAMES, p.role, 'zh-TW')}」本來就沒有「${nameIn(PERMISSION_NAMES, p.permission, 'zh-TW')}」權限，此縮減設定無作用`,
      en: `${nameIn(ROLE_NAMES, p.role, 'en')} does not hold ${nameIn(PERMISSION_NAMES, p.permission, 'en')}, so narrowing it has no effect`,
    }),
  }),
} as const;
