// Reading a scenario file: YAML within bounds, then the scenario format; every problem a finding
// with its line and column, as a pack's are.
import type { Finding } from '../catalogue';
import { parseMapping, readYamlMapping } from '../yaml/read';
import { type Scenario, ScenarioSchema } from './format';

/** A scenario file is small: a page of given → when → expect. */
export const SCENARIO_LIMITS = { bytes: 256 * 1024, depth: 24, aliases: 100 } as const;

export interface ParsedScenario {
  /** The scenario, when the file is one. */
  readonly scenario?: Scenario;
  /** Why it is not (PR1001–PR1014 for YAML, PR1003–PR1008 for the format), placed in the file. */
  readonly findings: readonly Finding[];
}

/** Reads a scenario file's text. Never throws on user input. */
export function parseScenario(text: string, options: { readonly file?: string } = {}): ParsedScenario {
  const read = readYamlMapping(text, {
    ...(options.file !== undefined && { file: options.file }),
    limits: SCENARIO_LIMITS,
    rule: 'scenario.load',
  });
  if (!read.data || !read.root) return { findings: read.findings };
  const parsed = parseMapping(ScenarioSchema, { ...read, data: read.data, root: read.root }, 'scenario.schema');
  return parsed.value ? { scenario: parsed.value, findings: [] } : { findings: parsed.findings };
}
