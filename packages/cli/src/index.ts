export { dispatch, main } from './main';
export { CLI_CODES, codeName, type ReadFailure } from './codes';
export { COMMANDS } from './commands';
export {
  EXIT,
  type ArgumentSpec,
  type CliIo,
  type Command,
  type Invocation,
  type OptionSpec,
  type OptionValues,
  type Output,
} from './command';
export { formatStylish, formatFinding, summaryLine } from './formatters/stylish';
export { formatJson, JSON_OUTPUT_VERSION, type JsonReport, type JsonTool } from './formatters/json';
export { codeFrame } from './formatters/code-frame';
export { summarize, type FileReport, type Report, type Summary } from './formatters/report';
export { formatSarif, type SarifOptions } from './formatters/sarif';
export { formatJunit, type JunitOptions } from './formatters/junit';
export { formatHtml, type HtmlOptions } from './formatters/html';
export { type CheckedInput } from './formatters/checked';
export { testScenarios, type ScenarioResult, type TestRun } from './scenarios/run';
export {
  formatTestJson,
  formatTestJunit,
  formatTestStylish,
  tallyOf,
  type Tally,
  type TestJson,
} from './scenarios/format';
export { type AuditJson } from './audit/json';
export { type TimelineJson } from './timeline/format';
