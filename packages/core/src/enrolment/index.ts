import type { Source } from '../findings/types';
import { type EffectivePack, provenanceOf } from '../layering';
import type { PortfolioItem } from '../records/items';
import type { EnrolmentChange, EnrolmentRule } from './schema';

export {
  ENROLMENT_CHANGES,
  EnrolmentChangeSchema,
  EnrolmentRuleSchema,
  EnrolmentSchema,
  type Enrolment,
  type EnrolmentChange,
  type EnrolmentRule,
} from './schema';

export const ENROLMENT_CHANGE_NAMES: Readonly<Record<EnrolmentChange, string>> = {
  repeat: '重讀',
  resume: '復學',
  transferIn: '轉入',
  transferOut: '轉出',
  borrowedStudy: '借讀',
  suspension: '休學',
};

type Aspects = { [K in Exclude<keyof EnrolmentRule, 'source'>]-?: NonNullable<EnrolmentRule[K]> };

/**
 * What we assume when a pack is silent (uncertain: the national handling principles 學籍異動處理原則 are
 * not in the seeds; 馬公 七 only refers to them):
 * - the school where the student is enrolled in a term submits that term's records (`enrolled`),
 *   except in borrowed study, where the school holding the student's registration does (`origin`);
 * - caps count per student and term, across schools (`perStudentTerm`): moving school does not reset them;
 * - uncertified items stay pending (`keep`): the course teacher may still certify them, as 馬公 九(二)2(2)
 *   keeps a departed teacher's account alive and 九(二)3 still reaches students who left.
 */
export const ENROLMENT_DEFAULTS: Readonly<Record<EnrolmentChange, Aspects>> = {
  repeat: { submittingSchool: 'enrolled', capsCount: 'perStudentTerm', pendingCertifications: 'keep' },
  resume: { submittingSchool: 'enrolled', capsCount: 'perStudentTerm', pendingCertifications: 'keep' },
  transferIn: { submittingSchool: 'enrolled', capsCount: 'perStudentTerm', pendingCertifications: 'keep' },
  transferOut: { submittingSchool: 'enrolled', capsCount: 'perStudentTerm', pendingCertifications: 'keep' },
  borrowedStudy: { submittingSchool: 'origin', capsCount: 'perStudentTerm', pendingCertifications: 'keep' },
  suspension: { submittingSchool: 'enrolled', capsCount: 'perStudentTerm', pendingCertifications: 'keep' },
};

/** Where the defaults are taken to come from: the national handling principles, as our reading. */
export const ENROLMENT_DEFAULT_SOURCE: Source = {
  document: '作業要點',
  clause: '學籍異動處理原則 (our reading; uncertain)',
};

/** One aspect of an enrolment change's effect, with who set it and whether it is our default. */
export interface EffectAspect<T> {
  readonly value: T;
  readonly isDefault: boolean;
  readonly source?: Source;
  readonly layer: string;
}

export interface EnrolmentEffect {
  readonly change: EnrolmentChange;
  readonly submittingSchool: EffectAspect<Aspects['submittingSchool']>;
  readonly capsCount: EffectAspect<Aspects['capsCount']>;
  readonly pendingCertifications: EffectAspect<Aspects['pendingCertifications']>;
}

/**
 * The effect of an enrolment change under the rules in force: which school submits, how caps count,
 * what happens to uncertified items. Each aspect says whether the pack (or an overlay) set it, citing
 * its clause, or whether it is our documented default (`isDefault: true`).
 */
export function enrolmentEffect(effective: EffectivePack, change: EnrolmentChange): EnrolmentEffect {
  const rule = effective.values.enrolment?.[change];
  const aspect = <K extends keyof Aspects>(key: K): EffectAspect<Aspects[K]> => {
    const value = rule?.[key];
    if (value === undefined)
      return {
        value: ENROLMENT_DEFAULTS[change][key],
        isDefault: true,
        source: ENROLMENT_DEFAULT_SOURCE,
        layer: 'default',
      };
    const provenance = provenanceOf(effective.provenance, `enrolment.${change}.${key}`);
    return {
      value: value as Aspects[K],
      isDefault: false,
      ...(provenance?.source && { source: provenance.source }),
      layer: provenance?.layer ?? 'unknown',
    };
  };
  return {
    change,
    submittingSchool: aspect('submittingSchool'),
    capsCount: aspect('capsCount'),
    pendingCertifications: aspect('pendingCertifications'),
  };
}

/** What becomes of one uncertified course outcome after an enrolment change. */
export interface PendingFate {
  readonly itemId: string;
  readonly fate: EffectAspect<Aspects['pendingCertifications']>;
}

/**
 * The fate of a student's uncertified course outcomes (not certified, not withdrawn) after an
 * enrolment change — kept pending, voided, or passed to the deputy chain — as `enrolmentEffect` says.
 */
export function pendingFates(
  effective: EffectivePack,
  change: EnrolmentChange,
  items: readonly PortfolioItem[],
): PendingFate[] {
  const fate = enrolmentEffect(effective, change).pendingCertifications;
  return items
    .filter((item) => item.kind === 'courseOutcome' && item.state !== 'certified' && !item.withdrawn)
    .map((item) => ({ itemId: item.id, fate }));
}
