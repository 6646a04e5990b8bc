import { effectiveFor, hasErrors, parseTerm, type EffectivePack } from '@portfolio-rules/core';
import { createFinding, suggest } from '@portfolio-rules/core/internal';
import { checkPack } from '../_lib/check-pack';
import { readText, unreadExit } from '../_lib/files';
import { overlayRegistry } from '../_lib/overlays';
import { CLI_CODES } from '../codes';
import { type Command, EXIT, formatOption } from '../command';
import { entriesOf, keysOf } from '../explain/entries';
import { formatExplanationJson, formatExplanationStylish } from '../explain/format';
import { formatStylish } from '../formatters/stylish';
import { formatProblem } from '../help';

export const explain: Command = {
  name: 'explain',
  summary: {
    'zh-TW': '列出適用的規定：每個值由哪一層、依哪一條文設定',
    en: 'show the effective pack: each value with the layer and the clause that set it',
  },
  arguments: [
    { name: '<pack.yaml>', required: true },
    { name: '[key]', required: false },
  ],
  options: {
    term: {
      type: 'string',
      placeholder: '<term>',
      description: {
        'zh-TW': '學期，例如 11201 或 112-1 (預設：適用期間最新的全國規定版本)',
        en: "term, e.g. 11201 or 112-1 (default: the latest national version in the pack's period)",
      },
    },
    format: formatOption(['stylish', 'json'], { 'zh-TW': '輸出格式', en: 'output format' }),
  },
  async run({ io, language, options, positionals }) {
    const [file = '', key] = positionals;
    const usage = (finding: Parameters<typeof formatProblem>[0]) => {
      io.stderr.write(formatProblem(finding, language, 'explain'));
      return EXIT.usage;
    };
    const termText = typeof options.term === 'string' ? options.term : undefined;
    const term = termText === undefined ? undefined : parseTerm(termText);
    if (termText !== undefined && !term) {
      return usage(
        createFinding(
          CLI_CODES.invalidOptionValue,
          { option: '--term', value: termText, allowed: ['11201', '112-1'] },
          { rule: 'cli.usage', subject: '--term' },
        ),
      );
    }
    const read = await readText(io.cwd, file);
    if ('finding' in read) {
      usage(read.finding);
      return unreadExit(read.finding);
    }

    const registry = await overlayRegistry(io);
    const checked = checkPack(file, read.text, registry, { omissions: false, ...(term && { term }) });
    const report = {
      files: [{ file, findings: checked.findings }],
      sources: new Map([...registry.sources, [file, read.text]]),
    };
    const versions = checked.validation.resolution?.versions ?? [];
    const effective: EffectivePack | undefined = term
      ? effectiveFor({ versions, findings: [] }, term)
      : versions.at(-1);
    if (!effective) {
      // Nothing to explain: the pack's problems, on stderr when stdout was to carry a JSON document (as diff does).
      (options.format === 'json' ? io.stderr : io.stdout).write(formatStylish(report, language));
      return EXIT.errors;
    }
    const entries = entriesOf(effective, key);
    if (key !== undefined && entries.length === 0) {
      const suggestion = suggest(key, keysOf(effective));
      return usage(
        createFinding(
          CLI_CODES.unknownPackKey,
          { key, ...(suggestion && { suggestion }) },
          { rule: 'cli.usage', subject: key },
        ),
      );
    }
    const exitCode = hasErrors(checked.findings) ? EXIT.errors : EXIT.ok;
    const explanation = { file, effective, ...(term && { term }), ...(key !== undefined && { key }), entries, report };
    io.stdout.write(
      options.format === 'json'
        ? formatExplanationJson(explanation, exitCode)
        : formatExplanationStylish(explanation, language),
    );
    return exitCode;
  },
};
