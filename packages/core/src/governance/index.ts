export { GOVERNANCE_CODES } from './codes';
export { checkGovernance, type GovernanceEvidence, type GovernancePeriod } from './evidence';
export { checkGovernanceRules } from './rules';

export {
  AUDIENCES,
  GovernanceSchema,
  TRAINING_KINDS,
  type Audience,
  type Governance,
  type TrainingKind,
} from './schema';
