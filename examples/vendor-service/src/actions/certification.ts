import type { Actor, CertificationEvent } from '@portfolio-rules/core';
import { forUpdate, itemRosterLocks } from '../locks';
import { RequestError } from '../errors';
import { record, type Service, type Write } from '../service';
import { ITEM_COLUMNS, itemColumns, itemOf, type ItemRow, itemRosterViewQuery, rosterViewOf } from '../store';

const EVENT_COLUMNS = 'item_id, student_id, type, actor, on_day, from_state, to_state, reason, certifier, acting_as';

/**
 * A step of a course outcome's certification (送審, 認證成功, 認證失敗, 撤銷認證, 更換認證教師, 編修):
 * the engine's state machine decides; the item row is locked so two steps on one item queue. Sent
 * with `begin`: the roster lock of the item's term, the item read locked, the roster's rounds and
 * final submissions — all in the student's division, whose deputy chain the engine walks too.
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
  const opening = [
    ...itemRosterLocks(db.strategy, itemId),
    { sql: `select ${ITEM_COLUMNS} from items where id = $1${forUpdate(db.strategy)}`, params: [itemId] },
    itemRosterViewQuery(itemId),
  ];
  return db.transaction(opening, (rows) => {
    const row = rows.at(-2)?.[0];
    if (!row) throw new RequestError('VS1202', itemId);
    const item = itemOf(row as unknown as ItemRow);
    if (item.kind !== 'courseOutcome') throw new RequestError('VS1302', itemId);
    const { submissions, finals, division } = rosterViewOf(rows.at(-1));
    const context = { submissions, finals, ...(division && { division }), ...(unavailable && { unavailable }) };
    const answer = rules.engine.transition(item, event, actor, day, context);
    const request = { itemId, event, ...(unavailable && { unavailable }) };
    const what = { action: `certification.${event.type}`, subject: itemId, actor, request, day };
    if (!answer.ok) return record(service, what, answer, []);
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
    return record(service, what, answer, writes, answer.item);
  });
}
