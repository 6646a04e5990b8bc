/**
 * Test helper: what the `sample` generator never writes — changes after a final submission — made by
 * moving a few records of a generated dataset, so that the differential test holds the engine and the
 * audit to the final lock (PR7014) too. Not part of any package.
 */
import type { DatasetRecord } from '@portfolio-rules/core';

type Records = readonly DatasetRecord[];

const DAY = 86_400_000;
const later = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The records with one change for each pick (any natural number: it chooses what moves and by how
 * many days): a course outcome certified, or a diverse performance uploaded, 1–20 days after the
 * final submission of its term in its student's division; a certified course outcome's certification
 * revoked by its teacher in a certification event 1–20 days after it (the record left as it was); or,
 * when the pick names a roster submitted twice, its final submission moved to the day before the
 * second round.
 */
export function changedAfterFinal(records: Records, picks: readonly number[]): DatasetRecord[] {
  const changed = [...records];
  const divisions = new Map<string, string>();
  const finals = new Map<string, number>();
  const rounds = new Map<string, number[]>();
  changed.forEach((record, index) => {
    if (record.type === 'student') divisions.set(record.id, record.division ?? 'day');
    if (record.type !== 'submission' || record.category === 'basicData') return;
    const key = `${record.category}|${record.term}|${record.division ?? 'day'}`;
    if (record.stage === 'final') finals.set(key, index);
    if (record.stage === 'submit') rounds.set(key, [...(rounds.get(key) ?? []), index]);
  });
  const finalOf = (category: string, term: string | undefined, student: string) =>
    term === undefined ? undefined : finals.get(`${category}|${term}|${divisions.get(student) ?? 'day'}`);
  const items = changed.flatMap((record, index) =>
    (record.type === 'courseOutcome' && record.certifiedOn !== undefined) ||
    (record.type === 'diversePerformance' && record.uploadedOn !== undefined)
      ? finalOf(record.type, record.term, record.studentId) === undefined || record.withdrawn
        ? []
        : [index]
      : [],
  );
  const twice = [...rounds].filter(([key, submits]) => submits.length > 1 && finals.has(key));
  for (const pick of picks) {
    if (pick % 4 === 3 && twice.length > 0) {
      const [key, submits] = twice[pick % twice.length]!;
      const second = changed[submits[1]!] as DatasetRecord & { on: string };
      const final = finals.get(key)!;
      changed[final] = { ...changed[final]!, on: later(second.on, -1) } as DatasetRecord;
      continue;
    }
    if (items.length === 0) continue;
    const index = items[pick % items.length]!;
    const item = changed[index]!;
    if (item.type !== 'courseOutcome' && item.type !== 'diversePerformance') continue;
    const final = changed[finalOf(item.type, item.term, item.studentId)!] as DatasetRecord & { on: string };
    const on = later(final.on, 1 + (pick % 20));
    if (pick % 4 === 2 && item.type === 'courseOutcome' && item.state === 'certified') {
      changed.push({
        type: 'certificationEvent',
        itemId: item.id,
        studentId: item.studentId,
        event: 'revoke',
        on,
        actor: item.certifier,
        ...(item.school !== undefined && { school: item.school }),
      });
      continue;
    }
    changed[index] = item.type === 'courseOutcome' ? { ...item, certifiedOn: on } : { ...item, uploadedOn: on };
  }
  return changed;
}
