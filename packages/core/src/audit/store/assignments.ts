/** Where no day is known (a record's `certifiedBy` without its `certifiedOn`): below every day a dataset holds (from 1921), within 16 bits. */
export const NO_DAY = -32_768;

/**
 * The teachers assigned to an item on a day (手冊 4-7 更換認證教師: after a reassignment the new
 * teacher certifies, the teacher replaced no longer can). Before the first reassignment: the teacher
 * its record names (each version's, when versions disagree). From a reassignment's day on: the teacher
 * it names. The data gives days, not hours: on the day of a reassignment the teacher before it and the
 * teacher after it both count, as either may have acted first; two reassignments on one day leave
 * either new teacher possible until the next. An act without a day counts as its teacher's when the
 * item was ever theirs.
 */
export class Assignments {
  /** Reassignment days in order, and per day the teachers it names. */
  private readonly days: number[];
  private readonly named: number[][];

  constructor(
    private readonly initial: readonly number[],
    reassignments: readonly { readonly day: number; readonly to: number }[],
  ) {
    const byDay = new Map<number, number[]>();
    for (const { day, to } of reassignments) byDay.set(day, [...(byDay.get(day) ?? []), to]);
    this.days = [...byDay.keys()].sort((a, b) => a - b);
    this.named = this.days.map((day) => byDay.get(day) ?? []);
  }

  /** The teachers assigned on the day, or on any day for NO_DAY. */
  on(day: number): readonly number[] {
    if (day === NO_DAY) return [...this.initial, ...this.named.flat()];
    let before = -1;
    while (before + 1 < this.days.length && (this.days[before + 1] ?? day) < day) before++;
    const standing = before < 0 ? this.initial : (this.named[before] ?? this.initial);
    return this.days[before + 1] === day ? [...standing, ...(this.named[before + 1] ?? [])] : standing;
  }
}
