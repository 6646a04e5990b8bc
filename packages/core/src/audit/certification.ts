import { checkCertifier, MANUAL_4_7 } from '../certification/authority';
import { CERTIFICATION_CODES } from '../certification/codes';
import { reasonFinding } from '../certification/reason';
import { assignmentFor, chainOf } from '../deputies';
import { createFinding } from '../findings/define';
import type { Position } from '../findings/types';
import type { Finding } from '../catalogue';
import type { CourseOutcome } from '../records/items';
import { ROLES, type Role } from '../roles';
import type { AuditState } from './state';
import { unreachable } from '../_lib/unreachable';

const place = (finding: Finding, position: Position | undefined): Finding =>
  position ? { ...finding, position } : finding;

/**
 * Who certified, rejected or revoked an item when it was not its teacher that day — the teacher its
 * record names, or from a reassignment's day the teacher it names (手冊 4-7 更換認證教師; see
 * `Assignments`): the student never may; anyone else only as a deputy the pack's chain names
 * (學習歷程檔案QA 一(八)). The data does not say which roles a teacher holds, so a role link of the
 * chain (科內教師, 領域教師) is taken as filled and reported as certified by a deputy (info); a unit
 * link must be the actor itself; no deputy at all is an error. The chain is the student's division's.
 */
function actorFindings(state: AuditState, out: Finding[]): void {
  for (let student = 0; student < state.roster.size; student++) {
    const studentId = state.roster.id(student);
    // The student's division has its own deputies (新竹 十一(三)2(1): 進修部 教務組, not 註冊組).
    const division = state.roster.division(student);
    for (const { item: subject, period, actors } of state.certifiers.questioned(student)) {
      const itemId = state.subjects.text(studentId, subject);
      const info = state.terms.infoAt(period) ?? unreachable(`term ${period}`);
      const chain = chainOf(assignmentFor(info.effective, 'courseOutcomeCertification', division));
      const roles = chain.filter(
        (link): link is Role =>
          (ROLES as readonly string[]).includes(link) && link !== 'courseTeacher' && link !== 'student',
      );
      for (const { actor, event, authorised, line, frame } of actors) {
        const position = state.places.position(line, frame);
        const notAuthorised = () =>
          createFinding(
            CERTIFICATION_CODES.notAuthorised,
            { actor, event, authorised, source: MANUAL_4_7 },
            { rule: 'certification.certifier', subject: itemId, source: MANUAL_4_7 },
          );
        if (actor === studentId) {
          out.push(place(notAuthorised(), position));
          continue;
        }
        const item = { id: itemId, certifier: authorised, studentId } as CourseOutcome;
        const verdict = checkCertifier(item, { id: actor, roles, units: [actor] }, event, {
          effective: info.effective,
          unavailable: [authorised],
          ...(division && { division }),
        });
        const judged = verdict.findings.filter(
          (finding) =>
            finding.code === CERTIFICATION_CODES.notAuthorised.code ||
            finding.code === CERTIFICATION_CODES.byDeputy.code,
        );
        if (judged.length === 0) judged.push(notAuthorised());
        for (const finding of judged) out.push(place(finding, position));
      }
    }
  }
}

/** A rejection without a reason, once per item whether the item or its event says so (seed 002, 4-7). */
function reasonFindings(state: AuditState, out: Finding[]): void {
  for (const { itemId, studentId, position } of state.noReason.values())
    out.push(reasonFinding(itemId, studentId, position));
}

export function certificationFindings(state: AuditState, out: Finding[]): void {
  actorFindings(state, out);
  reasonFindings(state, out);
}
