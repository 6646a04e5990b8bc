import { randomUUID } from 'node:crypto';
import type { Actor, FileRef, PortfolioItem } from '@portfolio-rules/core';
import { itemRosterLocks, itemStudentLock, studentLock, studentRosterLocks } from '../locks';
import { RequestError } from '../errors';
import { record, type Service, type Write } from '../service';
import {
  ITEM_COLUMNS,
  itemColumns,
  itemStudentViewQuery,
  studentViewOf,
  studentViewQuery,
  termsOfYear,
  yearOf,
} from '../store';
import { present } from '../present';

export interface UploadInput {
  readonly actor: Actor;
  readonly studentId: string;
  readonly item:
    | {
        readonly kind: 'courseOutcome';
        readonly id?: string | undefined;
        readonly term: string;
        readonly course: string;
        /** The course's department (科) and domain (領域): the deputy chain's 科內教師 and 領域教師 must share them. */
        readonly department?: string | undefined;
        readonly domain?: string | undefined;
        readonly certifier: string;
        readonly summary?: string | undefined;
        readonly files?: readonly FileRef[] | undefined;
      }
    | {
        readonly kind: 'diversePerformance';
        readonly id?: string | undefined;
        readonly academicYear: number;
        readonly term?: string | undefined;
        readonly category: string;
        readonly summary?: string | undefined;
        readonly files?: readonly FileRef[] | undefined;
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
      ...(item.department !== undefined && { department: item.department }),
      ...(item.domain !== undefined && { domain: item.domain }),
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

/** The insert of a new item, made by the decision `$decision`. */
function insertItem(item: PortfolioItem): Write {
  const columns = itemColumns(item);
  const places = columns.map((_, index) => `$${index + 1}`).join(', ');
  return { sql: `insert into items (${ITEM_COLUMNS}, decision_id) values (${places}, $decision)`, params: columns };
}

/**
 * What an upload sends with `begin`: the locks — its rosters in the student's division (shared), then
 * the student's row — and then the read of the student's items and the rosters' rounds and final
 * submissions.
 */
const uploadOpening = (service: Service, item: PortfolioItem) => [
  ...studentRosterLocks(service.db.strategy, item.studentId, item.kind, rosterTerms(item)),
  studentLock(service.db.strategy, item.studentId),
  studentViewQuery(item.studentId, item.kind, yearOfItem(item), rosterTerms(item)),
];

/** A student uploads an item (上傳): within the caps of its period, unless its roster is submitted or final. */
export async function upload(service: Service, input: UploadInput) {
  if (input.actor.studentId !== input.studentId || !input.actor.roles.includes('student'))
    throw new RequestError('VS1101', input.studentId);
  const { db, rules } = service;
  const day = service.today();
  const item = newItem(input, day);
  return db.transaction(uploadOpening(service, item), (opening) => {
    if (present(opening.at(-2), 'the student query').length === 0) throw new RequestError('VS1201', input.studentId);
    const { items, submissions, finals, division } = studentViewOf(opening.at(-1));
    if (items.some((existing) => existing.id === item.id)) throw new RequestError('VS1301', item.id);
    const answer = rules.engine.checkUpload({ item, items, at: day, submissions, finals, division });
    const what = { action: 'upload', subject: item.id, actor: input.actor, request: input, day };
    return record(service, what, answer, [insertItem(item)], item);
  });
}

/**
 * The student selects (勾選) an item for the central database, or takes it back: within the selection
 * caps, unless its roster is submitted or final. The locks and the read are those of an upload, found
 * from the stored item within the batch.
 */
export async function select(service: Service, itemId: string, actor: Actor, selected: boolean) {
  const { db, rules } = service;
  const day = service.today();
  const opening = [
    ...itemRosterLocks(db.strategy, itemId),
    itemStudentLock(db.strategy, itemId),
    itemStudentViewQuery(itemId),
  ];
  return db.transaction(opening, (rows) => {
    const { items, submissions, finals, division } = studentViewOf(rows.at(-1));
    const item = items.find((candidate) => candidate.id === itemId);
    if (!item) throw new RequestError('VS1202', itemId);
    const request = { item, items, actor, at: day, submissions, finals, division };
    const answer = selected ? rules.engine.select(request) : rules.engine.deselect(request);
    const what = { action: selected ? 'select' : 'deselect', subject: itemId, actor, request: { itemId }, day };
    const write = {
      sql: 'update items set selected = $2, changed_by = $decision where id = $1',
      params: [itemId, selected],
    };
    return record(service, what, answer, [write], answer.item);
  });
}
