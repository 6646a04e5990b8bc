// Actions at a date: what a person may do, and whether core allows it.
import { can, checkRetention, type Finding, type Permission, PERMISSIONS, type Resource } from '@portfolio-rules/core';
import { type Context, effectiveAt, personOf, studentOf } from './context';

/** Deleting a student's records on a day: too early while the seal lasts (retention). */
export function deleteRecords(context: Context, studentId: string, at: string): readonly Finding[] {
  const effective = effectiveAt(context);
  const student = studentOf(context, studentId);
  if (!effective || !student) return [];
  return checkRetention(effective, student, { deletedOn: at, at });
}

/** May this person do this to this resource on this day (the platform's permission matrix, narrowed by the pack, with deputies)? */
export function permitted(context: Context, when: { can: string; by: string; on: Record<string, unknown>; at: string }): readonly Finding[] {
  if (!(PERMISSIONS as readonly string[]).includes(when.can)) {
    context.failures.push(`unknown permission ${when.can} (known: ${PERMISSIONS.join(', ')})`);
    return [];
  }
  const effective = effectiveAt(context);
  const actor = personOf(context, when.by);
  if (!effective || !actor) return [];
  const decision = can(actor, when.can as Permission, when.on as unknown as Resource, when.at, { effective, unavailable: context.scenario.given?.unavailable ?? [] });
  context.explanation.push(`${actor.id} (${actor.roles.join(', ')}) ${when.can} on ${JSON.stringify(when.on)}: ${decision.allowed ? 'allowed' : 'refused'}`);
  return decision.findings;
}
