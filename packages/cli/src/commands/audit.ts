import { type FindingBase, isPlainDate, toPlainDate } from '@portfolio-rules/core';
import { createFinding, DATASET_DAYS, isWithinDays, unreachable } from '@portfolio-rules/core/internal';
import { formatJson } from '../formatters/json';
import { formatStylish } from '../formatters/stylish';
import { CLI_CODES } from '../codes';
import { type Command, EXIT, formatOption } from '../command';
import { formatProblem } from '../help';
import { inputAt, writePieces } from '../_lib/files';
import { auditJson } from '../audit/json';
import { type Report, renderOther, OTHER_FORMATS } from '../audit/formats';
import { writeJson } from '../formatters/json-pieces';
import { runAudit } from '../audit/run';
import { auditTally, writeAuditText } from '../audit/text';
import { type Encoding, ENCODINGS } from '../dataset';

const usage = (subject: string) => ({ rule: 'cli.usage', subject });

export const audit: Command = {
  name: 'audit',
  summary: {
    'zh-TW':
      '稽核規定檔 (含完整性)，或以規定檔稽核學校資料：件數上限、認證、期限、提交、收訖明細、保存、學籍異動及自訂規則',
    en: "audit a pack (with completeness), or a school's data against it: caps, certification, deadlines, submissions, receipts, retention, enrolment changes and custom rules",
  },
  arguments: [{ name: '<pack.yaml>', required: true }],
  options: {
    data: {
      type: 'string',
      placeholder: '<file|dir>',
      description: {
        'zh-TW': '學校資料：NDJSON 檔或 CSV 資料夾',
        en: "the school's data: an NDJSON file or a folder of CSV files",
      },
    },
    'as-of': {
      type: 'string',
      placeholder: '<YYYY-MM-DD>',
      description: { 'zh-TW': '稽核基準日 (預設今日)', en: 'the day the data is judged as of (default: today)' },
    },
    calendar: {
      type: 'string',
      placeholder: '<file|dir>',
      description: {
        'zh-TW': '學校行事曆 (每學年一檔，或其資料夾)，用以推算認證期限',
        en: 'school calendar(s), one file per academic year or a folder of them, to resolve certification deadlines',
      },
    },
    evidence: {
      type: 'string',
      placeholder: '<file>',
      description: {
        'zh-TW': '工作小組會議及研習紀錄 (meeting、training 資料列)',
        en: 'the governance evidence log: meeting and training records',
      },
    },
    encoding: formatOption([...ENCODINGS], {
      'zh-TW': '資料檔 (--data、--evidence) 的文字編碼 (預設 utf-8；Excel 匯出的 CSV 常為 big5)',
      en: 'the text encoding of the data files (--data, --evidence); default utf-8 (CSV exported by Excel in Taiwan is often big5)',
    }),
    format: formatOption(['stylish', 'json', ...OTHER_FORMATS], { 'zh-TW': '輸出格式', en: 'output format' }),
    threads: formatOption(['auto', '1', '2'], {
      'zh-TW': '多校資料分由 2 個執行緒稽核：auto (預設，資料夠大時)、2 (一律) 或 1 (僅用 1 個)',
      en: 'audit several schools on 2 worker threads: auto (the default, when the data is large enough), 2 (always) or 1 (this thread only)',
    }),
    output: {
      type: 'string',
      short: 'o',
      placeholder: '<file>',
      description: { 'zh-TW': '輸出至檔案 (預設標準輸出)', en: 'write the report to a file (default: stdout)' },
    },
  },
  async run({ io, language, options, positionals }) {
    const problem = (finding: FindingBase) => {
      io.stderr.write(formatProblem(finding, language, 'audit'));
      return EXIT.usage;
    };
    const asOf = typeof options['as-of'] === 'string' ? options['as-of'] : toPlainDate(new Date());
    if (!isPlainDate(asOf) || !isWithinDays(asOf))
      return problem(
        createFinding(
          CLI_CODES.invalidOptionValue,
          { option: '--as-of', value: asOf, allowed: [`YYYY-MM-DD, ${DATASET_DAYS.first} … ${DATASET_DAYS.last}`] },
          usage('--as-of'),
        ),
      );
    const pack = positionals[0] ?? unreachable('the pack argument');
    const str = (name: string) => (typeof options[name] === 'string' ? options[name] : undefined);
    const data = str('data');
    const calendar = str('calendar');
    const evidence = str('evidence');
    const output = str('output');
    if (output !== undefined) {
      const input = await inputAt(
        io.cwd,
        output,
        [pack, data, calendar, evidence].filter((path) => path !== undefined),
      );
      if (input !== undefined)
        return problem(
          createFinding(CLI_CODES.outputIsInput, { file: output, input }, { rule: 'cli.write', subject: output }),
        );
    }
    const run = await runAudit(
      {
        pack,
        asOf,
        ...(data !== undefined && { data }),
        ...(calendar !== undefined && { calendar }),
        ...(evidence !== undefined && { evidence }),
        threads: options.threads === '1' ? 1 : options.threads === '2' ? 2 : 'auto',
        encoding: (ENCODINGS as readonly string[]).includes(String(options.encoding))
          ? (options.encoding as Encoding)
          : 'utf-8',
        language,
      },
      io,
    );
    // One tally decides: a finding or a rejected line at error level fails the audit.
    const exitCode = run.unreadable
      ? EXIT.usage
      : auditTally(run.result, run.inputFindings).errors > 0
        ? EXIT.errors
        : EXIT.ok;
    if (!run.result) {
      const report = { files: [{ file: pack, findings: run.inputFindings }], sources: run.sources };
      io.stdout.write(
        options.format === 'json' ? formatJson(report, 'audit', exitCode) : formatStylish(report, language),
      );
      return exitCode;
    }
    const format = String(options.format);
    const { result } = run;
    const write: Report =
      format === 'json'
        ? (output) => writeJson(auditJson(result, run.inputFindings, pack, exitCode), output)
        : format === 'stylish'
          ? (output) => writeAuditText(result, run.inputFindings, run.sources, language, output)
          : renderOther(format, { ...run, result }, language, data);
    if (output === undefined) {
      write(io.stdout);
      return exitCode;
    }
    const unwritable = writePieces(io.cwd, output, write);
    if (unwritable) return problem(unwritable);
    io.stderr.write(`${language === 'zh-TW' ? '報告已寫入' : 'report written to'} ${output}\n`);
    return exitCode;
  },
};
