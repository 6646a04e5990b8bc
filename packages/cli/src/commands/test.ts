import { type Command, EXIT, formatOption } from '../command';
import { formatTestJson, formatTestJunit, formatTestStylish } from '../scenarios/format';
import { testScenarios, type TestRun } from '../scenarios/run';

function exitCodeOf(run: TestRun): number {
  if (run.problems.length > 0) return EXIT.usage;
  return run.results.every((result) => result.passed) ? EXIT.ok : EXIT.errors;
}

export const test: Command = {
  name: 'test',
  summary: {
    'zh-TW': '執行學校資料夾的情境測試 (scenarios/*.yaml)，確認規定檔與補充規定條文一致',
    en: "run a school folder's scenario tests (scenarios/*.yaml): does the pack say what the rules say?",
  },
  arguments: [{ name: '[folder|scenario.yaml]', required: false, variadic: true }],
  options: {
    format: formatOption(['stylish', 'json', 'junit'], { 'zh-TW': '輸出格式', en: 'output format' }),
  },
  async run({ io, language, options, positionals }) {
    const run = await testScenarios(positionals, io);
    const exitCode = exitCodeOf(run);
    const output = {
      stylish: () => formatTestStylish(run, language),
      json: () => formatTestJson(run, exitCode),
      junit: () => formatTestJunit(run, language),
    }[options.format as 'stylish' | 'json' | 'junit'];
    io.stdout.write(output());
    return exitCode;
  },
};
