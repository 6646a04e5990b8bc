// What the page shows, computed from the texts in it: the same core and the same CLI code as
// `validate`, `explain`, `render`, `diff` and `test`, with no file read. Every function returns a
// result and never throws: a failure inside is shown as a PR9020 finding, and the other panels
// still come out.
import {
  type EffectivePack,
  effectiveFor,
  type FindingBase,
  formatSource,
  type Language,
  parseScenario,
  parseTerm,
  type PreparedScenarioPack,
  prepareScenarioPack,
  runScenario,
  type Scenario,
  type ScenarioOutcome,
  scenarioPackFile,
  type Term,
} from '@portfolio-rules/core';
import { createFinding, LAYERING_CODES, PACK_OMISSIONS } from '@portfolio-rules/core/internal';
import {
  byPosition,
  checkedAlone,
  checkPack,
  CLI_CODES,
  coreOverlayRegistry,
  diffTexts,
  type DocumentKind,
  entriesOf,
  type Entry,
  renderText,
} from '../../cli/src/browser';

/** A text in the page: the pack being written, another version of it, or a scenario. */
export interface PageFile {
  /** The name findings cite (`pack.yaml`, `scenarios/01-upload-cap.yaml`). */
  readonly file: string;
  readonly text: string;
}

const registry = coreOverlayRegistry();

/** Runs `work`; a failure inside becomes `fallback` built from PR9020 (never a thrown error in the page). */
function guarded<T>(file: string, work: () => T, fallback: (problems: readonly FindingBase[]) => T): T {
  let result: T | undefined;
  const problems = checkedAlone(file, () => {
    result = work();
    return [];
  });
  return result === undefined || problems.length > 0 ? fallback(problems) : result;
}

export interface Checked {
  /** `validate`'s findings in reading order: the pack's own, then the ones in the overlays it extends. */
  readonly findings: readonly FindingBase[];
  /** The effective pack on each national version in the pack's period, when it could be read and layered. */
  readonly versions: readonly EffectivePack[];
}

/** `validate`, and the effective packs `explain` reads. */
export function check(pack: PageFile): Checked {
  return guarded<Checked>(
    pack.file,
    () => {
      const checked = checkPack(pack.file, pack.text, registry);
      return { findings: byPosition(checked.findings), versions: checked.validation.resolution?.versions ?? [] };
    },
    (findings) => ({ findings, versions: [] }),
  );
}

export interface Explained {
  readonly effective: EffectivePack;
  readonly entries: readonly Entry[];
  /** The term asked for; absent: the latest rules in the pack's period. */
  readonly term?: Term;
}

/** Why nothing is explained: a malformed term (PR9004) or one outside the pack's period (PR2007); none when the pack has errors (validate's findings say which). */
export interface NotExplained {
  readonly findings: readonly FindingBase[];
}

/**
 * `explain [--term <term>]`: every effective value with its layer and clause, for the rules in force
 * in `term` (`11201` or `112-1`; blank: the latest in the pack's period). `option` names the term's
 * field in a PR9004 finding.
 */
export function explain(pack: PageFile, checked: Checked, term = '', option = '--term'): Explained | NotExplained {
  const text = term.trim();
  const parsed = text === '' ? undefined : parseTerm(text);
  if (text !== '' && !parsed) {
    const allowed = ['11201', '112-1'];
    const finding = createFinding(
      CLI_CODES.invalidOptionValue,
      { option, value: text, allowed },
      { rule: 'cli.usage', subject: option },
    );
    return { findings: [finding] };
  }
  const { versions } = checked;
  if (versions.length === 0) return { findings: [] };
  const effective = parsed ? effectiveFor({ versions, findings: [] }, parsed) : versions.at(-1);
  // Outside the pack's period: what `explain --term` reports, from the same layering (PR2007).
  if (!effective) return { findings: outsidePeriod(pack, parsed) };
  return guarded<Explained | NotExplained>(
    'explain',
    () => ({ effective, entries: entriesOf(effective), ...(parsed && { term: parsed }) }),
    (findings) => ({ findings }),
  );
}

function outsidePeriod(pack: PageFile, term: Term | undefined): readonly FindingBase[] {
  const checked = guarded(
    pack.file,
    () => checkPack(pack.file, pack.text, registry, { omissions: false, ...(term && { term }) }).findings,
    (findings) => findings,
  );
  return checked.filter((finding) => finding.code === LAYERING_CODES.termOutsidePack.code);
}

/** Whether a finding is one `explain`, `render` and `diff` leave to `validate` (what the pack leaves out). */
export const isOmission = (finding: FindingBase): boolean => PACK_OMISSIONS.has(finding.code);

export interface Written {
  /** The HTML page or Markdown, exactly as the command writes it; absent when the pack has errors. */
  readonly output?: string;
  /** Why there is no output, or what else was found. */
  readonly findings: readonly FindingBase[];
}

/** `render <pack> --format html|md --document <document>`. */
export function render(pack: PageFile, format: 'html' | 'md', document: DocumentKind, language: Language): Written {
  return guarded(
    pack.file,
    () => {
      const { output, report } = renderText({ ...pack, format, document, language }, registry);
      return { ...(output !== undefined && { output }), findings: report.files.flatMap((file) => file.findings) };
    },
    (findings) => ({ findings }),
  );
}

/** `diff <current> <amended> --format html|md`: the amendment table (修正對照表). */
export function diff(
  current: PageFile,
  amended: PageFile,
  format: 'html' | 'md',
  language: Language,
  unchanged: boolean,
): Written {
  return guarded(
    amended.file,
    () => {
      const { output, report } = diffTexts({ files: [current, amended], format, language, unchanged }, registry);
      return { ...(output !== undefined && { output }), findings: report.files.flatMap((file) => file.findings) };
    },
    (findings) => ({ findings }),
  );
}

export interface ScenarioRun {
  readonly file: string;
  readonly scenario?: Scenario;
  /** The pack file the scenario names (`pack.yaml` unless it says `pack:`). */
  readonly packFile?: string;
  /** Why it did not run: not a scenario (its findings), or the pack it names is not in the page (PR9005). */
  readonly problems: readonly FindingBase[];
  readonly outcome?: ScenarioOutcome;
  readonly passed: boolean;
}

/** The packs audited for the scenarios, by file: one audit per text however many scenarios run on it. */
const prepared = new Map<string, PreparedScenarioPack>();

function preparedPack(pack: PageFile): PreparedScenarioPack {
  const kept = prepared.get(pack.file);
  if (kept?.text === pack.text) return kept;
  const made = prepareScenarioPack(pack, { overlays: registry.overlays });
  prepared.set(pack.file, made);
  return made;
}

/**
 * `portfolio-rules test` for one scenario: core's `runScenario` against the pack it names, found
 * among `packs` by the end of its file name (the pack in the editor is `pack.yaml`).
 */
export function runScenarioFile(scenario: PageFile, packs: readonly PageFile[]): ScenarioRun {
  return guarded(
    scenario.file,
    (): ScenarioRun => {
      const parsed = parseScenario(scenario.text, { file: scenario.file });
      if (!parsed.scenario) return { file: scenario.file, problems: parsed.findings, passed: false };
      const packFile = scenarioPackFile(parsed.scenario);
      const pack = packs.find((candidate) => candidate.file === packFile || candidate.file.endsWith(`/${packFile}`));
      const base = { file: scenario.file, scenario: parsed.scenario, packFile };
      // The pack it names is not in the page: what `portfolio-rules test` says of a missing file (PR9005).
      if (!pack) {
        const missing = createFinding(
          CLI_CODES.unreadableFile,
          { file: packFile, reason: 'notFound' },
          { rule: 'cli.read', subject: packFile },
        );
        return { ...base, problems: [missing], passed: false };
      }
      const outcome = runScenario(parsed.scenario, preparedPack(pack));
      return { ...base, problems: [], outcome, passed: outcome.passed };
    },
    (problems) => ({ file: scenario.file, problems, passed: false }),
  );
}

/** `馬公補充規定 五(四)` and the layer: where a finding's rule comes from. */
export function citationOf(finding: FindingBase): string {
  return [finding.source && formatSource(finding.source), finding.layer].filter(Boolean).join(' · ');
}
