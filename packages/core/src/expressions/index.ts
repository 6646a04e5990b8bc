export { CustomRuleSchema, type CustomRule } from './schema';
export { ALLOWED_OPERATORS, EXPRESSION_LIMITS, checkExpression, type ExpressionProblem } from './check';
