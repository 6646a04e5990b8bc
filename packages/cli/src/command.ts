import type { Language, Localized } from '@portfolio-rules/core';

/** Where output goes: anything with `write(text)`, e.g. `process.stdout` or an in-memory buffer in tests. */
export interface Output {
  write(text: string): unknown;
}

export interface CliIo {
  readonly stdout: Output;
  readonly stderr: Output;
  /** The folder relative file names are read from and written to. */
  readonly cwd: string;
  /**
   * For embedding and tests only (the command line cannot change it): a folder of regional overlays
   * (`<id>/pack.yaml`) to use instead of core's registry.
   */
  readonly regionalDirectory?: string;
  /** For embedding and tests only: the school folder template `init` copies. Default: the one shipped with the CLI. */
  readonly templateFolder?: string;
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The values a string option accepts; the first is the default unless `default` says otherwise. */
  readonly values?: readonly string[];
  readonly default?: string;
  /** How the value is shown in help, e.g. `<term>`. */
  readonly placeholder?: string;
  readonly description: Localized;
}

export interface ArgumentSpec {
  /** As shown in usage: `<pack.yaml>`, `[key]`. */
  readonly name: string;
  readonly required: boolean;
  readonly variadic?: boolean;
}

export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

export interface Invocation {
  readonly io: CliIo;
  readonly language: Language;
  readonly options: OptionValues;
  readonly positionals: readonly string[];
}

/** One command: its usage, its options, and what it does. Adding a command is one file plus one line in commands/index.ts. */
export interface Command {
  readonly name: string;
  readonly summary: Localized;
  readonly arguments: readonly ArgumentSpec[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Returns the exit code: 0 nothing at error level, 1 errors found, 2 bad usage or unreadable input. */
  run(invocation: Invocation): Promise<number>;
}

export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

export const LANGUAGES: readonly Language[] = ['zh-TW', 'en'];

/** Options every command has. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  lang: {
    type: 'string',
    values: LANGUAGES,
    placeholder: '<zh-TW|en>',
    description: { 'zh-TW': '訊息語言', en: 'language of the messages' },
  },
  help: { type: 'boolean', short: 'h', description: { 'zh-TW': '顯示本說明', en: 'show this help' } },
};

export function formatOption(values: readonly string[], description: Localized): OptionSpec {
  return { type: 'string', values, placeholder: `<${values.join('|')}>`, description };
}
