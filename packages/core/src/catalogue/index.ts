import { AUDIT_CODES } from '../audit/codes';
import { CALENDAR_CODES } from '../calendar/codes';
import { CAP_CODES } from '../caps/codes';
import { CERTIFICATION_CODES } from '../certification/codes';
import { CLAUSE_CODES } from '../clauses/codes';
import { DATASET_CODES } from '../dataset/codes';
import { DEPUTY_CODES } from '../deputies/codes';
import { EXPRESSION_CODES } from '../expressions/codes';
import type { CodeSpec } from '../findings/define';
import type { FindingBase } from '../findings/types';
import { GOVERNANCE_CODES } from '../governance/codes';
import { LAYERING_CODES } from '../layering/codes';
import { OWNERSHIP_CODES } from '../ownership/codes';
import { PACK_CODES } from '../pack/codes';
import { PERMISSION_CODES } from '../permissions/codes';
import { RECEIPT_CODES } from '../receipts/codes';
import { REQUEST_CODES } from '../requests/codes';
import { RETENTION_CODES } from '../retention/codes';
import { SUBMISSION_CODES } from '../submission/codes';
import { WINDOW_CODES } from '../windows/codes';

/** Each folder's codes: the one list both the catalogue and the `Finding` union are made from. */
const GROUPS = [
  PACK_CODES,
  CLAUSE_CODES,
  LAYERING_CODES,
  DEPUTY_CODES,
  OWNERSHIP_CODES,
  PERMISSION_CODES,
  RETENTION_CODES,
  GOVERNANCE_CODES,
  CAP_CODES,
  CERTIFICATION_CODES,
  SUBMISSION_CODES,
  RECEIPT_CODES,
  DATASET_CODES,
  CALENDAR_CODES,
  WINDOW_CODES,
  EXPRESSION_CODES,
  AUDIT_CODES,
  REQUEST_CODES,
] as const;

type SpecsOf<G> = G extends unknown ? G[keyof G] : never;
type Spec = SpecsOf<(typeof GROUPS)[number]>;

/** Every code of core: `'PR1001' | 'PR1002' | …`. */
export type FindingCode = Spec['code'];

type FindingOf<S> = S extends CodeSpec<infer P, infer C> ? FindingBase<C, Readonly<P>> : never;

/**
 * A finding of core, discriminated by its code as zod's issues are: after
 * `if (finding.code === 'PR3001')`, `finding.data.max` is a number. `Finding<'PR3001'>` is that one
 * code's finding; `Finding` alone is any of them.
 */
export type Finding<C extends FindingCode = FindingCode> = Extract<FindingOf<Spec>, { readonly code: C }>;

/** The answer of every check: allowed or not, and why. A refusal always carries at least one error finding. */
export interface Decision {
  readonly allowed: boolean;
  readonly findings: readonly Finding[];
}

/** Every finding code, by code. Codes are never reused: 1xxx pack file, 2xxx layering, 3xxx caps, 4xxx certification, 5xxx ownership and deputies, 6xxx windows, 7xxx receipts, submission and retention, 8xxx dataset records (81xx: requests to the engine), 9xxx CLI usage. */
export const CATALOGUE: Readonly<Record<string, CodeSpec<never>>> = Object.fromEntries(
  GROUPS.flatMap((group) => Object.values<Spec>(group)).map((spec) => [spec.code, spec as CodeSpec<never>]),
);
