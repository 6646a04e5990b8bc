import type { FindingBase, Language, Severity } from '@portfolio-rules/core';
import { type CheckedGroup, type CheckedInput, checkedGroups, lineOf, readData, schoolId, specOf } from './checked';
import { jsonText, type JsonTool, jsonTool } from './json';

export interface SarifOptions {
  readonly lang: Language;
  /** The tool's name and version; default: this package's. Tests pass a fixed one. */
  readonly tool?: JsonTool;
}

/** The SARIF 2.1.0 schema's URI, as GitHub code scanning asks for it (an identifier: nothing fetches it). */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A file name as a SARIF `uri-reference`: forward slashes, non-ASCII, spaces, `#` and `?`
 * percent-encoded; an absolute path as a `file:` URI; a relative first segment holding a colon
 * prefixed with `./`, so that it is not read as a scheme.
 */
export function sarifUri(file: string): string {
  const path = encodeURI(file.replace(/\\/g, '/')).replace(/#/g, '%23').replace(/\?/g, '%3F');
  if (/^[A-Za-z]:\//.test(path)) return `file:///${path}`;
  if (path.startsWith('/')) return `file://${path}`;
  return /^[^/]*:/.test(path) ? `./${path}` : path;
}

function rule(code: string, language: Language) {
  const spec = specOf(code);
  const title = spec?.title ?? { 'zh-TW': code, en: code };
  return {
    id: code,
    ...(spec && { name: spec.name }),
    shortDescription: { text: title[language] },
    fullDescription: { text: `${title['zh-TW']} / ${title.en}` },
    // The code's page in the repository, as help rather than helpUri: SARIF's helpUri must be an
    // absolute URI (code scanning rejects a relative one), and the report points to no network.
    help: { text: `docs/codes/${code}.md`, markdown: `[${code}${spec ? ` ${spec.name}` : ''}](docs/codes/${code}.md)` },
    defaultConfiguration: { level: LEVEL[spec?.severity ?? 'error'] },
  };
}

/** Whether a finding is about the pack: every finding of an audit without data, and those placed in the pack file. */
function aboutPack(finding: FindingBase, group: CheckedGroup): boolean {
  return (
    !group.audit ||
    !readData(group.audit) ||
    (finding.position?.file !== undefined && finding.position.file === group.file)
  );
}

/**
 * Where a result is: a finding about the pack at the pack file (its line and column when it has a
 * position); one about the data at its data file and record line, or, without a position (a
 * student's cap, a term's disputes), at the data file as a whole with a logical location naming its
 * subject. Never a data finding at the pack file. Code scanning refuses a log in which any result
 * lacks a physical location, so a data finding always has one when the data file is known.
 */
function location(finding: FindingBase, group: CheckedGroup, school: string | undefined) {
  const pack = aboutPack(finding, group);
  const uri = finding.position?.file ?? (pack ? group.file : group.data);
  const line = lineOf(finding);
  const region = line !== undefined && finding.position && { startLine: line, startColumn: finding.position.column };
  const logical = !pack &&
    !finding.position && {
      logicalLocations: [
        {
          name: finding.subject,
          fullyQualifiedName: school === undefined ? finding.subject : `${school}/${finding.subject}`,
        },
      ],
    };
  if (uri === undefined) return logical || undefined;
  return { physicalLocation: { artifactLocation: { uri: sarifUri(uri) }, ...(region && { region }) }, ...logical };
}

function properties(finding: FindingBase, school: string | undefined) {
  return {
    rule: finding.rule,
    subject: finding.subject,
    ...(finding.source && { source: finding.source }),
    ...(finding.layer && { layer: finding.layer }),
    ...(finding.related && { related: finding.related }),
    ...(school !== undefined && { school }),
    data: finding.data,
  };
}

/**
 * SARIF 2.1.0 for code-scanning tools: one run, the rules of the codes found (from the catalogue),
 * one result per finding (and per rejected input line) at its file, line and column (see location).
 */
export function formatSarif(input: CheckedInput, options: SarifOptions): string {
  return jsonText(sarifLog(input, options));
}

/** The SARIF log formatSarif writes, as an object (the audit command writes it in pieces). */
export function sarifLog(input: CheckedInput, options: SarifOptions): object {
  const groups = checkedGroups(input);
  const codes = [...new Set(groups.flatMap((group) => group.findings.map((finding) => finding.code)))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const results = groups.flatMap((group) =>
    group.findings.map((finding) => {
      const school = group.audit && schoolId(group.audit);
      const where = location(finding, group, school);
      return {
        ruleId: finding.code,
        ruleIndex: ruleIndex.get(finding.code) ?? -1,
        level: LEVEL[finding.severity],
        message: { text: finding.message[options.lang] },
        ...(where && { locations: [where] }),
        properties: properties(finding, school),
      };
    }),
  );
  const audits = groups.flatMap(({ audit }) =>
    audit
      ? [
          {
            pack: audit.pack,
            ...(audit.school !== undefined && { school: audit.school }),
            asOf: audit.asOf,
            ...(audit.intake && {
              intake: {
                read: audit.intake.read,
                checked: audit.intake.checked,
                rejected: audit.intake.rejected,
                unlisted: audit.intake.unlisted,
              },
            }),
          },
        ]
      : [],
  );
  const tool = options.tool ?? jsonTool();
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            rules: codes.map((code) => rule(code, options.lang)),
          },
        },
        language: options.lang,
        columnKind: 'utf16CodeUnits',
        results,
        ...(audits.length > 0 && { properties: { audits } }),
      },
    ],
  };
}
