import { actingFor } from '../deputies';
import type { Part, Step } from '../decision/explanation';
import { origin } from '../decision/explanation';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
import type { EffectivePack } from '../layering';
import type { CourseOutcome } from '../records/items';
import { type Actor, fillsCertificationLink } from '../roles/actor';
import type { Division } from '../units';
import { linkName, ownNamesOf } from '../names';
import { CERTIFICATION_CODES } from './codes';

/** The platform manual, chapter 4-7 (授課教師): certify, revoke (取消認證), reassign (更換認證教師), reject with a reason. */
export const MANUAL_4_7: Source = { document: '學習歷程平臺操作手冊', clause: '4-7' };
/** National FAQ: certification needs a deputy mechanism for an unavailable teacher. */
export const DEPUTY_RULE: Source = { document: '學習歷程檔案QA', clause: '一(八)' };

const DUTY = 'courseOutcomeCertification';

/** Whether the actor fills a link of the certification chain for this item: same department or domain for 科內/領域教師. */
function fills(actor: Actor, link: string, item: CourseOutcome): boolean {
  if (link === 'departmentTeacher')
    return (
      actor.roles.includes('departmentTeacher') &&
      (item.department === undefined || (actor.departments ?? []).includes(item.department))
    );
  if (link === 'domainTeacher')
    return (
      actor.roles.includes('domainTeacher') &&
      (item.domain === undefined || (actor.domains ?? []).includes(item.domain))
    );
  return fillsCertificationLink(actor, link);
}

export interface CertifierContext {
  readonly effective: EffectivePack;
  /** Teachers (by id), roles or units that cannot act now; the assigned teacher's id or `courseTeacher` walks the deputy chain. */
  readonly unavailable?: readonly string[];
  readonly division?: Division;
}

/** The certifier's right, for `certify`, `reject` and `revoke`: the assigned teacher, or — when unavailable — whoever the pack's deputy chain names. */
export function checkCertifier(
  item: CourseOutcome,
  actor: Actor,
  event: string,
  context: CertifierContext,
): Part & { readonly actingAs?: string } {
  const rule = 'certification.certifier';
  const unavailable = context.unavailable ?? [];
  if (!unavailable.includes(item.certifier) && !unavailable.includes('courseTeacher')) {
    if (actor.id === item.certifier) {
      const step: Step = {
        rule,
        outcome: 'passed',
        source: MANUAL_4_7,
        detail: { 'zh-TW': `${actor.id} 為指定之認證教師`, en: `${actor.id} is the assigned certifier` },
        data: { certifier: item.certifier },
      };
      return { steps: [step], findings: [], actingAs: 'courseTeacher' };
    }
    const finding = createFinding(
      CERTIFICATION_CODES.notAuthorised,
      { actor: actor.id, event, authorised: item.certifier, source: MANUAL_4_7 },
      { rule, subject: item.id, source: MANUAL_4_7 },
    );
    return {
      steps: [
        { rule, outcome: 'failed', source: MANUAL_4_7, detail: finding.message, data: { certifier: item.certifier } },
      ],
      findings: [finding],
    };
  }

  const path = `duties.${DUTY}`;
  const cited = origin(context.effective, `${path}.owner`);
  const citedOrRule = { ...cited, source: cited.source ?? DEPUTY_RULE };
  const acting = actingFor(context.effective, DUTY, {
    unavailable: [...unavailable, 'courseTeacher'],
    ...(context.division && { division: context.division }),
  });
  const own = ownNamesOf(context.effective.values, acting.chain);
  const data = {
    certifier: item.certifier,
    chain: acting.chain,
    walked: acting.walked,
    ...(acting.acting && { acting: acting.acting }),
  };
  if (acting.acting === undefined) {
    return {
      steps: [
        {
          rule: path,
          outcome: 'failed',
          ...citedOrRule,
          detail: { 'zh-TW': '認證教師無法認證，且無代理人', en: 'the certifier is unavailable and no deputy is left' },
          data,
        },
      ],
      findings: acting.findings,
    };
  }
  if (!fills(actor, acting.acting, item) || actor.id === item.certifier) {
    const finding = createFinding(
      CERTIFICATION_CODES.notAuthorised,
      { actor: actor.id, event, authorised: acting.acting, source: citedOrRule.source, ...own },
      { rule: path, subject: item.id, ...citedOrRule },
    );
    return {
      steps: [{ rule: path, outcome: 'failed', ...citedOrRule, detail: finding.message, data }],
      findings: [finding],
    };
  }
  const info = createFinding(
    CERTIFICATION_CODES.byDeputy,
    {
      actor: actor.id,
      actingAs: acting.acting,
      certifier: item.certifier,
      chain: acting.chain,
      source: citedOrRule.source,
      ...own,
    },
    { rule: path, subject: item.id, ...citedOrRule },
  );
  const detail = {
    'zh-TW': `${item.certifier} 無法認證，由 ${actor.id} (${linkName(acting.acting, 'zh-TW', own.own)}) 代理`,
    en: `${item.certifier} is unavailable: ${actor.id} acts as ${linkName(acting.acting, 'en', own.own)}`,
  };
  return {
    steps: [{ rule: path, outcome: 'passed', ...citedOrRule, detail, data }],
    findings: [info],
    actingAs: acting.acting,
  };
}
