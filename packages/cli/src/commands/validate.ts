import { hasErrors } from '@portfolio-rules/core';
import { CLI_CODES } from '../codes';
import { checkedAlone, checkPack } from '../_lib/check-pack';
import { isNotText, readText } from '../_lib/files';
import { overlayRegistry } from '../_lib/overlays';
import { type CliIo, type Command, EXIT, formatOption } from '../command';
import { formatJson } from '../formatters/json';
import { formatJunit } from '../formatters/junit';
import { formatSarif } from '../formatters/sarif';
import type { FileReport, Report } from '../formatters/report';
import { formatStylish } from '../formatters/stylish';

export interface Checked {
  readonly report: Report;
  /** A file could not be read, or its check failed (PR9020). */
  readonly unreadable: boolean;
}

/** Validates packs as `validate` does: reading, schema, layering on the registry's overlays, the national bounds, and core's pack checks (duties, permissions). */
async function checkPacks(files: readonly string[], io: CliIo): Promise<Checked> {
  const registry = await overlayRegistry(io);
  const sources = new Map(registry.sources);
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of files) {
    const read = await readText(io.cwd, file);
    if ('finding' in read) {
      unreadable ||= !isNotText(read.finding);
      reports.push({ file, findings: [read.finding] });
      continue;
    }
    sources.set(file, read.text);
    const findings = checkedAlone(file, () => checkPack(file, read.text, registry).findings);
    if (findings.some((finding) => finding.code === CLI_CODES.internalError.code)) unreadable = true;
    reports.push({ file, findings });
  }
  return { report: { files: reports, sources }, unreadable };
}

function exitCodeOf(checked: Checked): number {
  if (checked.unreadable) return EXIT.usage;
  return hasErrors(checked.report.files.flatMap((file) => file.findings)) ? EXIT.errors : EXIT.ok;
}

export const validate: Command = {
  name: 'validate',
  summary: {
    'zh-TW': '檢查規定檔：格式、繼承層次、是否放寬全國規定，以及未訂之分工、代理與工作小組',
    en: 'check packs: their format, their layers, whether they loosen a national rule, and what they leave out',
  },
  arguments: [{ name: '<pack.yaml>', required: true, variadic: true }],
  options: {
    format: formatOption(['stylish', 'json', 'sarif', 'junit'], { 'zh-TW': '輸出格式', en: 'output format' }),
  },
  async run({ io, language, options, positionals }) {
    const checked = await checkPacks(positionals, io);
    const exitCode = exitCodeOf(checked);
    const { report } = checked;
    const output = {
      stylish: () => formatStylish(report, language),
      json: () => formatJson(report, 'validate', exitCode),
      sarif: () => formatSarif({ files: report.files }, { lang: language }),
      junit: () => formatJunit({ files: report.files }, { lang: language }),
    }[options.format as 'stylish' | 'json' | 'sarif' | 'junit'];
    io.stdout.write(output());
    return exitCode;
  },
};
