import { oneLine } from './formatters/safe-text';
import type { Language } from '@portfolio-rules/core';
import { createFinding, suggest } from '@portfolio-rules/core/internal';
import { parseCommandLine } from './_lib/args';
import { toolVersion } from './_lib/package';
import { CLI_CODES } from './codes';
import { type CliIo, type Command, EXIT, LANGUAGES } from './command';
import { COMMANDS } from './commands';
import { commandHelp, formatProblem, generalHelp } from './help';
import { unwritable } from './_lib/files';

/** `--lang` read ahead of parsing, so that even a usage problem speaks the chosen language. */
function languageOf(argv: readonly string[]): Language {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const arg = argv[index];
  const value = arg?.startsWith('--lang=') ? arg.slice('--lang='.length) : arg && argv[index + 1];
  return LANGUAGES.find((language) => language === value) ?? 'zh-TW';
}

/**
 * Runs the `portfolio-rules` command line. Returns the exit code: 0 when nothing at error level was
 * found, 1 when something was, 2 for bad usage or unreadable input. Never throws and never prints a stack trace.
 */
export function main(argv: readonly string[], io: CliIo): Promise<number> {
  return dispatch(COMMANDS, argv, io);
}

/** `main` over a given command table. */
export async function dispatch(commands: readonly Command[], argv: readonly string[], io: CliIo): Promise<number> {
  const language = languageOf(argv);
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${toolVersion()}\n`);
    return EXIT.ok;
  }
  if (name === undefined || name.startsWith('-')) {
    const asked = name === '--help' || name === '-h' || (name?.startsWith('--lang') ?? false);
    (asked ? io.stdout : io.stderr).write(generalHelp(commands, language));
    return asked ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const known = commands.map((candidate) => candidate.name);
    const suggestion = suggest(name, known);
    io.stderr.write(
      formatProblem(
        createFinding(
          CLI_CODES.unknownCommand,
          { command: name, known, ...(suggestion && { suggestion }) },
          { rule: 'cli.usage', subject: name },
        ),
        language,
      ),
    );
    return EXIT.usage;
  }
  const parsed = parseCommandLine(command, rest);
  if ('finding' in parsed) {
    io.stderr.write(formatProblem(parsed.finding, language, command.name));
    return EXIT.usage;
  }
  if (parsed.options.help) {
    io.stdout.write(commandHelp(command, language));
    return EXIT.ok;
  }
  try {
    return await command.run({ io, language, options: parsed.options, positionals: parsed.positionals });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`portfolio-rules: internal error / 內部錯誤: ${oneLine(detail)}\n`);
    return EXIT.usage;
  }
}

/**
 * What to print when standard output cannot be written (`> /dev/full`, a disk that fills up): the
 * PR9011 problem for `argv`'s language, instead of a stack trace. The bin ends the run with status 2.
 */
export function outputFailure(error: unknown, argv: readonly string[]): string {
  return formatProblem(unwritable('stdout', error), languageOf(argv));
}
