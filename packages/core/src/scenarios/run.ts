// Runs one scenario against its pack and says, in both languages, why it came out as it did. Pure:
// the caller reads the files (the CLI's `portfolio-rules test`, a browser playground, a vendor).
import type { Finding } from '../catalogue';
import type { Localized } from '../findings';
import type { PackInput } from '../layering';
import { auditPack, type Validation } from '../pack';
import { parse, stringify } from 'yaml';
import { deleteRecords, governanceLog, notifyLeavers, permitted, receiptPeriod } from './actions';
import { compareFindings, describeFinding, overlay } from './compare';
import { type Context, fail, type ScenarioFailure } from './context';
import type { Scenario } from './format';
import { runActions } from './record-life';
import { audit, checkActing, checkRule, checkWindow } from './rules';

/** The pack a scenario is about: its text, and its file name as findings should cite it. */
export interface ScenarioPack {
  readonly text: string;
  readonly file?: string;
}

export interface RunScenarioOptions {
  /** The regional overlays a pack may extend, by id; default core's registry (`regionalOverlays()`). */
  readonly overlays?: Readonly<Record<string, PackInput>>;
}

export interface ScenarioOutcome {
  /** Everything came out as expected. */
  readonly passed: boolean;
  /** How the pack's clauses are cited, e.g. 馬公補充規定. */
  readonly document: string;
  /** What did not come out as expected; empty when the scenario passes. */
  readonly failures: readonly ScenarioFailure[];
  /** The decision as a person reads it: findings with their clauses, values with who set them. */
  readonly explanation: readonly Localized[];
  /** The findings that came out of `when`. */
  readonly findings: readonly Finding[];
}

/**
 * A pack read, layered and audited once (`prepareScenarioPack`), for running many scenarios against
 * it: a school's scenarios share one pack, and its audit takes far longer than most scenarios.
 */
export interface PreparedScenarioPack extends ScenarioPack {
  /** The regional overlays it was layered on, as given to `prepareScenarioPack`. */
  readonly overlays?: RunScenarioOptions['overlays'];
  /** `auditPack` of the text: what `when: validate` reports and what the other questions read. */
  readonly validation: Validation;
}

/** Audits a pack once for `runScenario`: the same outcomes as passing its text, without re-reading it per scenario. */
export function prepareScenarioPack(pack: ScenarioPack, options: RunScenarioOptions = {}): PreparedScenarioPack {
  const { overlays } = options;
  return {
    ...pack,
    ...(overlays && { overlays }),
    validation: auditPack(pack.text, auditOptions(pack.file, overlays)),
  };
}

const auditOptions = (file: string | undefined, overlays: RunScenarioOptions['overlays']) => ({
  ...(file !== undefined && { file }),
  ...(overlays && { overlays }),
});

/** The pack file a scenario names, relative to its school's folder: `pack:` or `pack.yaml`. */
export function scenarioPackFile(scenario: Scenario): string {
  return scenario.pack ?? 'pack.yaml';
}

/**
 * Runs a scenario against its pack (the text of `scenarioPackFile(scenario)`), or against the pack
 * `prepareScenarioPack` audited once for many scenarios (a scenario with `given.change` audits its
 * changed copy). `when: validate` reports exactly what `portfolio-rules validate` does (`auditPack`);
 * `when: audit` the same read for the scenario's term, with its calendar.
 */
export function runScenario(
  scenario: Scenario,
  pack: ScenarioPack & { readonly validation?: never },
  options?: RunScenarioOptions,
): ScenarioOutcome;
/** A prepared pack carries the overlays it was layered on: no options. */
export function runScenario(scenario: Scenario, pack: PreparedScenarioPack): ScenarioOutcome;
export function runScenario(
  scenario: Scenario,
  pack: ScenarioPack | PreparedScenarioPack,
  options: RunScenarioOptions = {},
): ScenarioOutcome {
  const prepared = 'validation' in pack ? pack : undefined;
  const overlays = prepared ? prepared.overlays : options.overlays;
  const change = scenario.given?.change;
  const text = change ? stringify(overlay(parse(pack.text), change)) : pack.text;
  const file = pack.file;
  const validation = prepared && !change ? prepared.validation : auditPack(text, auditOptions(file, overlays));
  const document = validation.loaded.pack?.document ?? '';
  const context: Context = { scenario, document, validation, failures: [], explanation: [] };
  const { when, expect } = scenario;

  let findings: readonly Finding[] = validation.findings;
  if (when === 'audit') findings = audit(context, text, file, overlays);
  else if (typeof when === 'object') {
    if ('rule' in when) findings = checkRule(context, when);
    if ('window' in when) findings = checkWindow(context, when);
    if ('can' in when) findings = permitted(context, when);
    if ('receiptPeriod' in when) findings = receiptPeriod(context, when.receiptPeriod);
    if ('governance' in when) findings = governanceLog(context, when.governance);
    if ('notifyLeavers' in when) findings = notifyLeavers(context, when.notifyLeavers);
    if ('delete' in when) findings = deleteRecords(context, when.delete, when.at);
    if ('steps' in when) findings = runActions(context, when.steps);
    if ('upload' in when || 'select' in when || 'certification' in when) findings = runActions(context, [when]);
    if ('acting' in when) findings = checkActing(context, when.acting, when.division);
  }

  context.explanation.push(
    ...(findings.length === 0 ? [{ 'zh-TW': '沒有發現事項', en: 'no findings' }] : findings.map(describeFinding)),
  );
  if (expect.findings) context.failures.push(...compareFindings(expect.findings, findings, document));
  if (expect.allowed !== undefined) {
    const allowed = !findings.some((finding) => finding.severity === 'error');
    if (allowed !== expect.allowed) {
      const said = (yes: boolean) => (yes ? 'allowed' : 'refused');
      fail(context, 'allowed', said(expect.allowed), said(allowed), {
        'zh-TW': `預期${expect.allowed ? '允許' : '拒絕'}，實際${allowed ? '允許' : '拒絕'}`,
        en: `expected ${said(expect.allowed)}, got ${said(allowed)}`,
      });
    }
  }
  return {
    passed: context.failures.length === 0,
    document,
    failures: context.failures,
    explanation: context.explanation,
    findings,
  };
}
