// The scenario runner's own words for what it narrates: how a rule came out, an item's state and a
// certification step (core's other tables are in names/).
import type { StepOutcome } from '../decision/explanation';
import type { Localized } from '../findings';
import type { CertificationEventType } from '../certification';
import type { CourseOutcome } from '../records/items';

export const STEP_OUTCOME_WORDS: Readonly<Record<StepOutcome, Localized>> = {
  passed: { 'zh-TW': '通過', en: 'passed' },
  failed: { 'zh-TW': '未通過', en: 'failed' },
  skipped: { 'zh-TW': '略過', en: 'skipped' },
};

/** As the scenario format's `state` describes them. */
export const ITEM_STATE_WORDS: Readonly<Record<CourseOutcome['state'], Localized>> = {
  draft: { 'zh-TW': '暫存', en: 'draft' },
  submitted: { 'zh-TW': '已送審', en: 'submitted' },
  certified: { 'zh-TW': '已認證', en: 'certified' },
  rejected: { 'zh-TW': '認證未通過', en: 'rejected' },
};

export const CERTIFICATION_STEP_WORDS: Readonly<Record<CertificationEventType, Localized>> = {
  submit: { 'zh-TW': '送交認證', en: 'submits' },
  certify: { 'zh-TW': '認證', en: 'certifies' },
  reject: { 'zh-TW': '退回', en: 'rejects' },
  revoke: { 'zh-TW': '撤銷認證', en: 'revokes' },
  reassign: { 'zh-TW': '改派認證教師', en: 'reassigns' },
  edit: { 'zh-TW': '修改', en: 'edits' },
  withdraw: { 'zh-TW': '撤回', en: 'withdraws' },
};
