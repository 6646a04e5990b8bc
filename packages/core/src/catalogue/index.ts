import { CAP_CODES } from '../caps/codes';
import { CERTIFICATION_CODES } from '../certification/codes';
import { CLAUSE_CODES } from '../clauses/codes';
import { DATASET_CODES } from '../dataset/codes';
import { DEPUTY_CODES } from '../deputies/codes';
import { LAYERING_CODES } from '../layering/codes';
import { OWNERSHIP_CODES } from '../ownership/codes';
import { PACK_CODES } from '../pack/codes';
import { RECEIPT_CODES } from '../receipts/codes';
import { PERMISSION_CODES } from '../permissions/codes';
import { RETENTION_CODES } from '../retention/codes';
import { GOVERNANCE_CODES } from '../governance/codes';
import { SUBMISSION_CODES } from '../submission/codes';
import { CALENDAR_CODES } from '../calendar/codes';
import { WINDOW_CODES } from '../windows/codes';
import { EXPRESSION_CODES } from '../expressions/codes';
import { AUDIT_CODES } from '../audit/codes';
import type { CodeSpec } from '../findings/define';

/** Every finding code, by code. Codes are never reused: 1xxx pack file, 2xxx layering, 3xxx caps, 4xxx certification, 5xxx ownership and deputies, 6xxx windows, 7xxx receipts, submission and retention, 8xxx dataset records, 9xxx CLI usage. */
export const CATALOGUE: Readonly<Record<string, CodeSpec<never>>> = Object.fromEntries(
  [
    ...Object.values(PACK_CODES),
    ...Object.values(CLAUSE_CODES),
    ...Object.values(LAYERING_CODES),
    ...Object.values(DEPUTY_CODES),
    ...Object.values(OWNERSHIP_CODES),
    ...Object.values(PERMISSION_CODES),
    ...Object.values(RETENTION_CODES),
    ...Object.values(GOVERNANCE_CODES),
    ...Object.values(CAP_CODES),
    ...Object.values(CERTIFICATION_CODES),
    ...Object.values(SUBMISSION_CODES),
    ...Object.values(RECEIPT_CODES),
    ...Object.values(DATASET_CODES),
    ...Object.values(CALENDAR_CODES),
    ...Object.values(WINDOW_CODES),
    ...Object.values(EXPRESSION_CODES),
    ...Object.values(AUDIT_CODES),
  ].map((spec) => [spec.code, spec as CodeSpec<never>]),
);
