import { defineCode } from '../findings/define';

export const PERMISSION_CODES = {
  notPermitted: defineCode({
    code: 'PR5101',
    name: 'not-permitted',
    severity: 'error',
    title: { 'zh-TW': '角色無此權限', en: 'No role gives this permission' },
    message: (p: { actor: string; permission: string; roles: readonly string[] }) => ({
      'zh-TW': `「${p.actor}」的角色 (${p.roles.join('、') || '無'}) 都沒有「${p.permission}」權限`,
      en: `none of the roles of \`${p.actor}\` (${p.roles.join(', ') || 'none'}) gives ${p.permission}`,
    }),
  }),
  outOfScope: defineCode({
    code: 'PR5102',
    name: 'out-of-scope',
    severity: 'error',
    title: { 'zh-TW': '超出權限範圍', en: "Outside the permission's scope" },
    message: (p: { actor: string; permission: string; role: string; scope: string }) => ({
      'zh-TW': `「${p.actor}」以「${p.role}」身分只能在「${p.scope}」範圍內${p.permission}，此筆資料不在範圍內`,
      en: `as ${p.role}, \`${p.actor}\` holds ${p.permission} only within \`${p.scope}\`; this record is outside it`,
    }),
  }),
  removedByPack: defineCode({
    code: 'PR5103',
    name: 'removed-by-pack',
    severity: 'error',
    title: { 'zh-TW': '本校規定已取消此權限', en: 'The pack took this permission away' },
    message: (p: { actor: string; permission: string; role: string }) => ({
      'zh-TW': `本校規定取消了「${p.role}」的「${p.permission}」權限`,
      en: `the pack takes ${p.permission} away from ${p.role}`,
    }),
  }),
  widensMatrix: defineCode({
    code: 'PR5104',
    name: 'widens-matrix',
    severity: 'error',
    title: { 'zh-TW': '超出全國角色權限', en: 'Widens the national matrix' },
    message: (p: { role: string; permission: string; scope?: string; nationalScope?: string }) => ({
      'zh-TW': p.nationalScope
        ? `「${p.role}」的「${p.permission}」全國規定範圍為「${p.nationalScope}」，不得設為「${p.scope ?? ''}」；已忽略`
        : `全國角色權限表未給「${p.role}」「${p.permission}」權限，學校不得自行增加；已忽略`,
      en: p.nationalScope
        ? `${p.role} holds ${p.permission} within \`${p.nationalScope}\` nationally; \`${p.scope ?? ''}\` is not within it — ignored`
        : `the national matrix does not give ${p.role} ${p.permission}, and a pack may not add it — ignored`,
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
      'zh-TW': `「${p.actor}」以代理人「${p.link}」身分執行${p.permission} (代理順序 ${p.chain.join(' → ')})`,
      en: `\`${p.actor}\` holds ${p.permission} as the acting deputy \`${p.link}\` (chain ${p.chain.join(' → ')})`,
    }),
  }),
  narrowsNothing: defineCode({
    code: 'PR5107',
    name: 'narrows-nothing',
    severity: 'warning',
    title: { 'zh-TW': '縮減的權限本來就沒有', en: 'Narrows a permission the role does not hold' },
    message: (p: { role: string; permission: string }) => ({
      'zh-TW': `「${p.role}」本來就沒有「${p.permission}」權限，此縮減設定無作用`,
      en: `${p.role} does not hold ${p.permission}, so narrowing it has no effect`,
    }),
  }),
} as const;
