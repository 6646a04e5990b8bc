import type { FindingBase, Language } from '@portfolio-rules/core';
import { oneLine } from './formatters/safe-text';
import { optionsOf } from './_lib/args';
import { alignColumns } from './_lib/width';
import { TOOL_NAME } from './_lib/package';
import type { Command } from './command';

const TEXT = {
  'zh-TW': {
    colon: '：',
    usage: '用法',
    commands: '指令',
    options: '選項',
    default: '預設',
    more: (command: string) => `執行「${TOOL_NAME} ${command} --help」查看用法。`,
    moreAll: `執行「${TOOL_NAME} --help」查看所有指令。`,
  },
  en: {
    colon: ': ',
    usage: 'Usage',
    commands: 'Commands',
    options: 'Options',
    default: 'default',
    more: (command: string) => `Run \`${TOOL_NAME} ${command} --help\` for usage.`,
    moreAll: `Run \`${TOOL_NAME} --help\` for the commands.`,
  },
} as const;

function usageOf(command: Command): string {
  const args = command.arguments.map((argument) => `${argument.name}${argument.variadic ? '…' : ''}`);
  return [TOOL_NAME, command.name, ...args, '[options]'].join(' ');
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  return alignColumns(rows).lines.map((line) => `  ${line}`);
}

export function commandHelp(command: Command, language: Language): string {
  const text = TEXT[language];
  const rows = Object.entries(optionsOf(command)).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.placeholder ? ` ${spec.placeholder}` : ''}`;
    const fallback = spec.default ?? spec.values?.[0];
    return [flag, `${spec.description[language]}${fallback ? ` (${text.default} ${fallback})` : ''}`] as const;
  });
  return [
    `${text.usage}${text.colon}${usageOf(command)}`,
    '',
    command.summary[language],
    '',
    `${text.options}${text.colon.trim()}`,
    ...table(rows),
    '',
  ].join('\n');
}

export function generalHelp(commands: readonly Command[], language: Language): string {
  const text = TEXT[language];
  const intro =
    language === 'zh-TW'
      ? '學生學習歷程檔案作業補充規定，化為可執行的規則：檢查、說明、比較、稽核。'
      : "The rules of Taiwan's senior-high learning portfolios, made executable.";
  return [
    `${text.usage}${text.colon}${TOOL_NAME} <command> [options]`,
    '',
    intro,
    '',
    `${text.commands}${text.colon.trim()}`,
    ...table(commands.map((command) => [command.name, command.summary[language]] as const)),
    '',
    `${text.options}${text.colon.trim()}`,
    ...table([
      ['-h, --help', language === 'zh-TW' ? '顯示本說明' : 'show this help'],
      ['-v, --version', language === 'zh-TW' ? '顯示版本' : 'show the version'],
    ]),
    '',
    text.more('<command>'),
    '',
  ].join('\n');
}

/** A usage problem on stderr: the code, the message in the chosen language, then in the other, then where to find help. */
export function formatProblem(finding: FindingBase, language: Language, command?: string): string {
  const other: Language = language === 'zh-TW' ? 'en' : 'zh-TW';
  const prefix = `${TOOL_NAME}: ${finding.code} `;
  const hint = command === undefined ? TEXT[language].moreAll : TEXT[language].more(command);
  return [
    `${prefix}${oneLine(finding.message[language])}`,
    `${' '.repeat(prefix.length)}${oneLine(finding.message[other])}`,
    hint,
    '',
  ].join('\n');
}
