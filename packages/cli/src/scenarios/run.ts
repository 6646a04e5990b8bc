// `portfolio-rules test`: each scenario file read, its pack read and audited once, and core's runner asked.
import { join } from 'node:path';
import {
  type FindingBase,
  parseScenario,
  type PreparedScenarioPack,
  prepareScenarioPack,
  runScenario,
  type Scenario,
  type ScenarioOutcome,
  scenarioPackFile,
} from '@portfolio-rules/core';
import { readText } from '../_lib/files';
import { overlayRegistry } from '../_lib/overlays';
import type { CliIo } from '../command';
import { findScenarios, type ScenarioFile } from './find';

export interface ScenarioResult extends ScenarioFile {
  /** The scenario as read; absent when the file is not one. */
  readonly scenario?: Scenario;
  /** Why it could not run: the file is not a scenario, or its pack cannot be read. */
  readonly problems: readonly FindingBase[];
  /** What came out, when it ran. */
  readonly outcome?: ScenarioOutcome;
  readonly passed: boolean;
}

export interface TestRun {
  readonly results: readonly ScenarioResult[];
  /** Paths with no scenario or unreadable: exit 2. */
  readonly problems: readonly FindingBase[];
  /** The texts read (scenarios and packs), for code frames. */
  readonly sources: ReadonlyMap<string, string>;
}

/** Runs the scenarios of the schools and files `paths` name (default: the current folder). */
export async function testScenarios(paths: readonly string[], io: CliIo): Promise<TestRun> {
  const found = await findScenarios(paths, io.cwd);
  const registry = await overlayRegistry(io);
  const sources = new Map<string, string>();
  const packs = new Map<string, PreparedScenarioPack | FindingBase>();
  const packFor = async (file: string): Promise<PreparedScenarioPack | FindingBase> => {
    const cached = packs.get(file);
    if (cached) return cached;
    const read = await readText(io.cwd, file);
    const pack =
      'finding' in read
        ? read.finding
        : prepareScenarioPack({ text: read.text, file }, { overlays: registry.overlays });
    if ('text' in pack) sources.set(file, pack.text);
    packs.set(file, pack);
    return pack;
  };
  const results: ScenarioResult[] = [];
  for (const entry of found.files) {
    const read = await readText(io.cwd, entry.file);
    if ('finding' in read) {
      results.push({ ...entry, problems: [read.finding], passed: false });
      continue;
    }
    sources.set(entry.file, read.text);
    const parsed = parseScenario(read.text, { file: entry.file });
    if (!parsed.scenario) {
      results.push({ ...entry, problems: parsed.findings, passed: false });
      continue;
    }
    const { scenario } = parsed;
    const pack = await packFor(join(entry.school, scenarioPackFile(scenario)));
    if (!('text' in pack)) {
      results.push({ ...entry, scenario, problems: [pack], passed: false });
      continue;
    }
    const outcome = runScenario(scenario, pack);
    results.push({ ...entry, scenario, problems: [], outcome, passed: outcome.passed });
  }
  return { results, problems: found.problems, sources };
}
