export { CustomRuleSchema, type CustomRule } from './schema';
export { ALLOWED_OPERATORS, EXPRESSION_LIMITS, checkExpression, type ExpressionProblem } from './check';
export { EXPRESSION_CODES } from './codes';
export { evaluateRules, unknownFacts } from './evaluate';
export {
  dayNumber,
  FACT_PATHS,
  studentFacts,
  studentTermFacts,
  type CourseOutcomeCounts,
  type DiversePerformanceCounts,
  type Facts,
  type FactValues,
} from './facts';
