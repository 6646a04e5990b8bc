import { parseArgs } from 'node:util';
import type { FindingBase } from '@portfolio-rules/core';
import { createFinding, suggest } from '@portfolio-rules/core/internal';
import { CLI_CODES } from '../codes';
import { type Command, COMMON_OPTIONS, type OptionSpec, type OptionValues } from '../command';

export interface Parsed {
  readonly options: OptionValues;
  readonly positionals: readonly string[];
}

const usage = (subject: string) => ({ rule: 'cli.usage', subject });

export function optionsOf(command: Command): Readonly<Record<string, OptionSpec>> {
  return { ...command.options, ...COMMON_OPTIONS };
}

/**
 * Reads a command's arguments with node:util parseArgs, checking them ourselves so that every
 * problem is a PR9xxx finding with a suggestion, never an exception.
 */
export function parseCommandLine(
  command: Command,
  argv: readonly string[],
): Parsed | { readonly finding: FindingBase } {
  const specs = optionsOf(command);
  const config = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, { type: spec.type, ...(spec.short && { short: spec.short }) }]),
  );
  const { tokens } = parseArgs({
    args: [...argv],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const options: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  const known = Object.keys(specs).map((name) => `--${name}`);

  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = specs[token.name];
    if (!spec) {
      const suggestion = suggest(token.rawName, known);
      return {
        finding: createFinding(
          CLI_CODES.unknownOption,
          { option: token.rawName, command: command.name, ...(suggestion && { suggestion }) },
          usage(token.rawName),
        ),
      };
    }
    if (spec.type === 'boolean') {
      if (token.inlineValue) {
        return {
          finding: createFinding(
            CLI_CODES.invalidOptionValue,
            { option: `--${token.name}`, value: token.value, allowed: [] },
            usage(`--${token.name}`),
          ),
        };
      }
      options[token.name] = true;
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      return {
        finding: createFinding(
          CLI_CODES.missingArgument,
          { argument: `--${token.name} ${spec.placeholder ?? '<value>'}`, command: command.name },
          usage(`--${token.name}`),
        ),
      };
    }
    if (spec.values && !spec.values.includes(token.value)) {
      const suggestion = suggest(token.value, spec.values);
      return {
        finding: createFinding(
          CLI_CODES.invalidOptionValue,
          { option: `--${token.name}`, value: token.value, allowed: spec.values, ...(suggestion && { suggestion }) },
          usage(`--${token.name}`),
        ),
      };
    }
    options[token.name] = token.value;
  }
  for (const [name, spec] of Object.entries(specs)) {
    const fallback = spec.default ?? spec.values?.[0];
    if (options[name] === undefined && fallback !== undefined) options[name] = fallback;
  }
  if (options.help) return { options, positionals };

  const required = command.arguments.filter((argument) => argument.required);
  const missing = required[positionals.length];
  if (missing)
    return {
      finding: createFinding(
        CLI_CODES.missingArgument,
        { argument: missing.name, command: command.name },
        usage(missing.name),
      ),
    };
  const variadic = command.arguments.some((argument) => argument.variadic);
  if (!variadic && positionals.length > command.arguments.length) {
    const extra = positionals.slice(command.arguments.length);
    return {
      finding: createFinding(CLI_CODES.tooManyArguments, { command: command.name, extra }, usage(extra[0] ?? '')),
    };
  }
  return { options, positionals };
}
