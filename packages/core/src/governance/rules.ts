import { createFinding } from '../findings/define';
import type { Position, Source } from '../findings/types';
import type { Finding } from '../catalogue';
import { type EffectivePack, provenanceOf } from '../layering';
import { GOVERNANCE_CODES } from './codes';

const WORKING_GROUP_SOURCE: Source = { document: '作業要點', clause: '五(一)' };

/**
 * A pack's governance audited for completeness: a working group (作業要點 五(一); 馬公 二, 新竹 三) with a
 * convener and an executive secretary who are among its members, as many members listed as its size
 * says, and trainings declared (馬公 八, 新竹 十).
 */
export function checkGovernanceRules(
  effective: EffectivePack,
  options: { readonly positions?: Readonly<Record<string, Position>> } = {},
): Finding[] {
  const own = effective.layers[effective.layers.length - 1];
  const context = (path: string, fallback?: Source) => {
    const provenance = provenanceOf(effective.provenance, path);
    const position = provenance?.layer === own ? options.positions?.[path] : undefined;
    const source = provenance?.source ?? fallback;
    return {
      rule: 'governance',
      subject: path,
      ...(source && { source }),
      ...(provenance && { layer: provenance.layer }),
      ...(position && { position }),
    };
  };
  const governance = effective.values.governance;
  const group = governance?.workingGroup;
  const findings: Finding[] = [];
  if (!group)
    findings.push(
      createFinding(
        GOVERNANCE_CODES.noWorkingGroup,
        {},
        { rule: 'governance', subject: 'governance.workingGroup', source: WORKING_GROUP_SOURCE },
      ),
    );
  else {
    const at = (key: string) => context(`governance.workingGroup.${key}`, WORKING_GROUP_SOURCE);
    if (group.convener === undefined)
      findings.push(
        createFinding(GOVERNANCE_CODES.noConvener, {}, { ...at('convener'), subject: 'governance.workingGroup' }),
      );
    if (group.secretary === undefined)
      findings.push(
        createFinding(GOVERNANCE_CODES.noSecretary, {}, { ...at('secretary'), subject: 'governance.workingGroup' }),
      );
    if (group.members !== undefined) {
      if (group.size !== undefined && group.size !== group.members.length)
        findings.push(
          createFinding(GOVERNANCE_CODES.sizeMismatch, { size: group.size, listed: group.members.length }, at('size')),
        );
      for (const office of ['convener', 'secretary'] as const) {
        const who = group[office];
        if (who !== undefined && !group.members.includes(who))
          findings.push(createFinding(GOVERNANCE_CODES.officerNotMember, { office, who }, at(office)));
      }
    }
  }
  if ((governance?.trainings ?? []).length === 0)
    findings.push(
      createFinding(
        GOVERNANCE_CODES.noTrainings,
        {},
        {
          rule: 'governance',
          subject: 'governance.trainings',
          source: { document: '學習歷程檔案QA', clause: '一(二)' },
        },
      ),
    );
  return findings;
}
