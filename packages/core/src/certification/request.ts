import {
  actorProblem,
  EXPECTED,
  eachOf,
  finalProblem,
  fileProblem,
  instantProblem,
  isObject,
  itemProblem,
  problem,
  type Problem,
  spanProblem,
  submissionProblem,
  under,
  unitOptionsProblem,
} from '../requests';

/**
 * An event's own fields: a reason or a new certifier left out is the rules' to refuse (PR4003,
 * PR4006); of another type than text, or an event of no known type, it is malformed.
 */
function eventProblem(value: unknown, types: readonly string[]): Problem | undefined {
  if (!isObject(value)) return problem('', EXPECTED.object, value);
  if (typeof value.type !== 'string' || !types.includes(value.type))
    return problem('type', { 'zh-TW': types.join('、'), en: types.join(', ') }, value.type);
  for (const key of ['reason', 'certifier', 'summary'] as const)
    if (value[key] !== undefined && typeof value[key] !== 'string')
      return problem(key, EXPECTED.optionalText, value[key]);
  return under('files', eachOf(value.files, fileProblem, false));
}

const ONLY_COURSE_OUTCOMES = {
  'zh-TW': 'courseOutcome (只有課程學習成果經認證)',
  en: 'courseOutcome (only course outcomes are certified)',
};

/** The arguments of a transition: a course outcome, an event, an actor, a day, and the optional context. */
export function certificationArgumentsProblem(
  types: readonly string[],
  item: unknown,
  event: unknown,
  actor: unknown,
  at: unknown,
  context: unknown,
): Problem | undefined {
  const asked = itemProblem(item);
  if (asked) return under('item', asked);
  const { kind } = item as { readonly kind: string };
  if (kind !== 'courseOutcome') return problem('item.kind', ONLY_COURSE_OUTCOMES, kind);
  if (context !== undefined && !isObject(context)) return problem('context', EXPECTED.object, context);
  const options = context ?? {};
  return (
    under('event', eventProblem(event, types)) ??
    under('actor', actorProblem(actor)) ??
    under('at', instantProblem(at)) ??
    under('context', unitOptionsProblem(options)) ??
    under('context.submissions', eachOf(options.submissions, submissionProblem, false)) ??
    under('context.finals', eachOf(options.finals, finalProblem, false)) ??
    (options.window === undefined ? undefined : under('context.window', spanProblem(options.window)))
  );
}
