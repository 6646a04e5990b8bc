// Runs one scenario against its pack and says, in both languages, why it came out as it did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Finding, type PackInput, validatePack } from '@portfolio-rules/core';
import { parse, stringify } from 'yaml';
import { deleteRecords, governanceLog, notifyLeavers, permitted, receiptPeriod } from './actions';
import { compareFindings, describeFinding, overlay } from './compare';
import type { Context } from './context';
import { REPO_DIR, SCHOOLS_DIR } from './packs';
import { runActions } from './record-life';
import { audit, checkActing, checkRule, checkWindow } from './rules';
import type { Scenario } from './scenario';

export interface Outcome {
  /** How the pack's clauses are cited, e.g. 馬公補充規定. */
  readonly document: string;
  /** What did not come out as expected; empty when the scenario passes. */
  readonly failures: readonly string[];
  /** The decision as a person reads it: findings with their clauses, values with who set them. */
  readonly explanation: readonly string[];
}

/** Runs a scenario of the pack in `schools/<folder>/`. */
export function runScenario(
  folder: string,
  scenario: Scenario,
  overlays: Readonly<Record<string, PackInput>>,
): Outcome {
  const packPath = join(SCHOOLS_DIR, folder, scenario.pack ?? 'pack.yaml');
  const file = packPath.slice(REPO_DIR.length + 1);
  let text = readFileSync(packPath, 'utf8');
  if (scenario.given?.change) text = stringify(overlay(parse(text), scenario.given.change));
  const validation = validatePack(text, { file, overlays });
  const document = validation.loaded.pack?.document ?? '';
  const context: Context = { scenario, document, validation, failures: [], explanation: [] };
  const { when, expect } = scenario;

  let findings: readonly Finding[] = validation.findings;
  if (typeof when === 'object' && 'rule' in when) findings = checkRule(context, when);
  if (typeof when === 'object' && 'window' in when) findings = checkWindow(context, when);
  if (typeof when === 'object' && 'can' in when) findings = permitted(context, when);
  if (when === 'audit') findings = audit(context);
  if (typeof when === 'object' && 'receiptPeriod' in when) findings = receiptPeriod(context, when.receiptPeriod);
  if (typeof when === 'object' && 'governance' in when) findings = governanceLog(context, when.governance);
  if (typeof when === 'object' && 'notifyLeavers' in when) findings = notifyLeavers(context, when.notifyLeavers);
  if (typeof when === 'object' && 'delete' in when) findings = deleteRecords(context, when.delete, when.at);
  if (typeof when === 'object' && 'steps' in when) findings = runActions(context, when.steps);
  if (typeof when === 'object' && ('upload' in when || 'select' in when || 'certification' in when))
    findings = runActions(context, [when]);
  if (typeof when === 'object' && 'acting' in when) findings = checkActing(context, when.acting, when.division);

  context.explanation.push(...(findings.length === 0 ? ['no findings'] : findings.map(describeFinding)));
  if (expect.findings) context.failures.push(...compareFindings(expect.findings, findings, document));
  if (expect.allowed !== undefined) {
    const allowed = !findings.some((finding) => finding.severity === 'error');
    if (allowed !== expect.allowed)
      context.failures.push(
        `expected ${expect.allowed ? 'allowed' : 'refused'}, got ${allowed ? 'allowed' : 'refused'}`,
      );
  }
  return { document, failures: context.failures, explanation: context.explanation };
}
