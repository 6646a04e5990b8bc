// What a scenario runs in: its pack (validated, read for the term) and the people and students it gives.
import {
  type Actor,
  type AnchorDates,
  effectiveFor,
  type EffectivePack,
  parseTerm,
  type Role,
  type SchoolCalendar,
  type Student,
  type Term,
  type Validation,
} from '@portfolio-rules/core';
import type { Scenario } from './scenario';

export interface Context {
  readonly scenario: Scenario;
  readonly document: string;
  readonly validation: Validation;
  readonly failures: string[];
  readonly explanation: string[];
}

export function termOf(context: Context): string | number | undefined {
  return context.scenario.given?.term ?? context.validation.loaded.pack?.appliesFrom;
}

export function effectiveAt(context: Context): EffectivePack | undefined {
  const { validation, failures } = context;
  const term = termOf(context);
  if (term === undefined) {
    failures.push('given.term is needed to read the rules (the pack has no appliesFrom)');
    return undefined;
  }
  const parsed = parseTerm(term);
  const effective = validation.resolution && parsed && effectiveFor(validation.resolution, parsed);
  const { applies } = context.scenario.expect;
  if (effective) context.explanation.push(`rules for term ${String(term)}: ${effective.layers.join(' → ')}`);
  else context.explanation.push(`no rules for term ${String(term)}: outside the pack's period`);
  if (applies !== undefined ? applies !== Boolean(effective) : !effective) {
    failures.push(
      `term ${String(term)}: expected the pack ${applies === false ? 'not ' : ''}to apply, ${effective ? 'it does' : 'it does not'}`,
    );
  }
  return effective;
}

/** A student of `given.students`, as core's records type. */
export function studentOf(context: Context, id: string): Student | undefined {
  const found = context.scenario.given?.students?.find((student) => student.id === id);
  if (!found) context.failures.push(`student ${id} is not in given.students`);
  return found && { ...found, status: found.status ?? 'enrolled' };
}

/** A person of `given.people`, as core's Actor. */
export function personOf(context: Context, id: string): Actor | undefined {
  const found = context.scenario.given?.people?.find((person) => person.id === id);
  if (!found) context.failures.push(`person ${id} is not in given.people`);
  return found && { ...found, roles: found.roles as Role[] };
}

/** The school calendar of `given.calendar`: the anchors of the scenario's term. */
export function calendarOf(context: Context, term: Term): SchoolCalendar {
  const anchors = (context.scenario.given?.calendar ?? {}) as AnchorDates;
  return { academicYear: term.year, terms: [{ semester: term.semester, anchors }] };
}
