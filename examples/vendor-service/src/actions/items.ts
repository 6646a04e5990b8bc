import { randomUUID } from 'node:crypto';
import type { Actor, FileRef, PortfolioItem } from '@portfolio-rules/core';
import { lockRosters, lockStudent } from '../locks';
import { record, RequestError, type Service } from '../service';
import { ITEM_COLUMNS, itemColumns, itemOf, type ItemRow, itemsOf, submissionsOf, termsOfYear, yearOf } from '../store';

export interface UploadInput {
  readonly actor: Actor;
  readonly studentId: string;
  readonly item:
    | {
        readonly kind: 'courseOutcome';
        readonly id?: string;
        readonly term: string;
        readonly course: string;
        readonly certifier: string;
        readonly summary?: string;
        readonly files?: readonly FileRef[];
      }
    | {
        readonly kind: 'diversePerformance';
        readonly id?: string;
        readonly academicYear: number;
        readonly term?: string;
        readonly category: string;
        readonly summary?: string;
        readonly files?: readonly FileRef[];
      };
}

/** The terms whose rosters cover an item: a course outcome's own; both terms of a diverse performance's year. */
const rosterTerms = (item: PortfolioItem): string[] =>
  item.kind === 'courseOutcome' ? [item.term] : termsOfYear(item.academicYear);
const yearOfItem = (item: PortfolioItem): number =>
  item.kind === 'courseOutcome' ? yearOf(item.term) : item.academicYear;

function newItem(input: UploadInput, day: string): PortfolioItem {
  const { item } = input;
  const common = {
    id: item.id ?? randomUUID(),
    studentId: input.studentId,
    entry: 'student' as const,
    selected: false,
    uploadedOn: day,
    ...(item.summary !== undefined && { summary: item.summary }),
    ...(item.files !== undefined && { files: item.files }),
  };
  if (item.kind === 'courseOutcome')
    return {
      ...common,
      kind: 'courseOutcome',
      term: item.term,
      course: item.course,
      certifier: item.certifier,
      state: 'draft',
    };
  return {
    ...common,
    kind: 'diversePerformance',
    academicYear: item.academicYear,
    category: item.category,
    ...(item.term !== undefined && { term: item.term }),
  } as PortfolioItem;
}

/** A student uploads an item (上傳): within the caps of its period, unless its roster is submitted. */
export async function upload(service: Service, input: UploadInput) {
  if (input.actor.studentId !== input.studentId || !input.actor.roles.includes('student'))
    throw new RequestError(403, 'a student uploads to their own portfolio only');
  const { db, rules } = service;
  const day = service.today();
  const item = newItem(input, day);
  return db.transaction(async (tx) => {
    await lockRosters(
      tx,
      db.strategy,
      rosterTerms(item).map((term) => ({ category: item.kind, term })),
      'shared',
    );
    if (!(await lockStudent(tx, db.strategy, input.studentId)))
      throw new RequestError(404, `no student ${input.studentId}`);
    const items = await itemsOf(tx, input.studentId, item.kind, yearOfItem(item));
    if (items.some((existing) => existing.id === item.id)) throw new RequestError(409, `item ${item.id} exists`);
    const submissions = await submissionsOf(tx, [item.kind], rosterTerms(item));
    const answer = rules.engine.checkUpload({ item, items, at: day, submissions });
    const what = { action: 'upload', subject: item.id, actor: input.actor, request: input, day };
    return record(service, tx, what, answer, async (decision) => {
      const columns = itemColumns(item);
      await tx.query(
        `insert into items (${ITEM_COLUMNS}, decision_id) values (${columns.map((_, index) => `$${index + 1}`).join(', ')}, $${columns.length + 1})`,
        [...columns, decision],
      );
      return item;
    });
  });
}

/** Reads an item, to know which rosters and student to lock before reading it again under the locks. */
export async function peekItem(service: Service, itemId: string): Promise<PortfolioItem> {
  const { rows } = await service.db.query<ItemRow>(`select ${ITEM_COLUMNS} from items where id = $1`, [itemId]);
  if (!rows[0]) throw new RequestError(404, `no item ${itemId}`);
  return itemOf(rows[0]);
}

export { rosterTerms, yearOfItem };

/** The student selects (勾選) an item for the central database, or takes it back: within the selection caps. */
export async function select(service: Service, itemId: string, actor: Actor, selected: boolean) {
  const { db, rules } = service;
  const day = service.today();
  const peeked = await peekItem(service, itemId);
  return db.transaction(async (tx) => {
    await lockRosters(
      tx,
      db.strategy,
      rosterTerms(peeked).map((term) => ({ category: peeked.kind, term })),
      'shared',
    );
    await lockStudent(tx, db.strategy, peeked.studentId);
    const items = await itemsOf(tx, peeked.studentId, peeked.kind, yearOfItem(peeked));
    const item = items.find((candidate) => candidate.id === itemId)!;
    const submissions = await submissionsOf(tx, [item.kind], rosterTerms(item));
    const request = { item, items, actor, at: day, submissions };
    const answer = selected ? rules.engine.select(request) : rules.engine.deselect(request);
    const what = { action: selected ? 'select' : 'deselect', subject: itemId, actor, request: { itemId }, day };
    return record(service, tx, what, answer, async (decision) => {
      await tx.query('update items set selected = $2, changed_by = $3 where id = $1', [itemId, selected, decision]);
      return answer.item;
    });
  });
}
