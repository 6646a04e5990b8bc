export { type ScenarioFailure } from './context';
export { type Scenario, scenarioJsonSchema, ScenarioSchema } from './format';
export { type ParsedScenario, parseScenario, SCENARIO_LIMITS } from './parse';
export {
  prepareScenarioPack,
  type PreparedScenarioPack,
  runScenario,
  type RunScenarioOptions,
  type ScenarioOutcome,
  type ScenarioPack,
  scenarioPackFile,
} from './run';
