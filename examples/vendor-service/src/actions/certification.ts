import type { Actor, CertificationEvent } from '@portfolio-rules/core';
import { literal } from '../db';
import { forUpdate, rosterLocks } from '../locks';
import { record, RequestError, type Service, type Write } from '../service';
import { ITEM_COLUMNS, itemColumns, itemOf, type ItemRow, rosterView } from '../store';
import { peekItem } from './items';

const EVENT_COLUMNS = 'item_id, student_id, type, actor, on_day, from_state, to_state, reason, certifier, acting_as';

/**
 * A step of a course outcome's certification (送審, 認證成功, 認證失敗, 撤銷認證, 更換認證教師, 編修):
 * the engine's state machine decides; the item row is locked so two steps on one item queue.
 */
export async function certification(
  service: Service,
  itemId: string,
  actor: Actor,
  event: CertificationEvent,
  unavailable?: readonly string[],
) {
  const { db, rules } = service;
  const day = service.today();
  const peeked = await peekItem(service, itemId);
  if (peeked.kind !== 'courseOutcome') throw new RequestError(409, 'only course outcomes are certified');
  const locks = [
    ...rosterLocks(db.strategy, [{ category: 'courseOutcome', term: peeked.term }], 'shared'),
    `select ${ITEM_COLUMNS} from items where id = ${literal(itemId)}${forUpdate(db.strategy)}`,
  ];
  return db.transaction(async (tx, opening) => {
    const row = opening.at(-1)?.[0];
    if (!row) throw new RequestError(404, `no item ${itemId}`);
    const item = itemOf(row as unknown as ItemRow);
    if (item.kind !== 'courseOutcome') throw new RequestError(409, 'only course outcomes are certified');
    const { submissions, finals } = await rosterView(tx, 'courseOutcome', item.term);
    const context = { submissions, finals, ...(unavailable && { unavailable }) };
    const answer = rules.engine.transition(item, event, actor, day, context);
    const request = { itemId, event, ...(unavailable && { unavailable }) };
    const what = { action: `certification.${event.type}`, subject: itemId, actor, request, day };
    if (!answer.ok) return record(service, tx, what, answer, []);
    const columns = itemColumns(answer.item);
    const sets = ITEM_COLUMNS.split(', ').map((column, index) => `${column} = $${index + 1}`);
    const writes: Write[] = [
      { sql: `update items set ${sets.slice(1).join(', ')}, changed_by = $decision where id = $1`, params: columns },
      ...answer.events.map((recorded) => ({
        sql: `insert into certification_events (${EVENT_COLUMNS}, decision_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $decision)`,
        params: [
          itemId,
          item.studentId,
          recorded.type,
          recorded.actor,
          recorded.at,
          recorded.from,
          recorded.to,
          recorded.reason ?? null,
          recorded.certifier ?? null,
          recorded.actingAs ?? null,
        ],
      })),
    ];
    return record(service, tx, what, answer, writes, answer.item);
  }, locks);
}
