import type { Actor, CertificationEvent } from '@portfolio-rules/core';
import { lockRosters } from '../locks';
import { record, RequestError, type Service } from '../service';
import { ITEM_COLUMNS, itemColumns, itemOf, type ItemRow, submissionsOf } from '../store';
import { peekItem } from './items';

/**
 * A step of a course outcome's certification (送審, 認證成功, 認證失敗, 撤銷認證, 更換認證教師, 編修):
 * the engine's state machine decides; the item row is locked so two steps on one item queue.
 */
export async function certification(service: Service, itemId: string, actor: Actor, event: CertificationEvent) {
  const { db, rules } = service;
  const day = service.today();
  const peeked = await peekItem(service, itemId);
  if (peeked.kind !== 'courseOutcome') throw new RequestError(409, 'only course outcomes are certified');
  return db.transaction(async (tx) => {
    await lockRosters(tx, db.strategy, [{ category: 'courseOutcome', term: peeked.term }], 'shared');
    const lock = db.strategy === 'lock' ? ' for update' : '';
    const { rows } = await tx.query<ItemRow>(`select ${ITEM_COLUMNS} from items where id = $1${lock}`, [itemId]);
    const item = itemOf(rows[0]!);
    if (item.kind !== 'courseOutcome') throw new RequestError(409, 'only course outcomes are certified');
    const submissions = await submissionsOf(tx, ['courseOutcome'], [item.term]);
    const answer = rules.engine.transition(item, event, actor, day, { submissions });
    const what = { action: `certification.${event.type}`, subject: itemId, actor, request: { itemId, event }, day };
    return record(service, tx, what, answer, async (decision) => {
      if (!answer.ok) return undefined;
      const columns = itemColumns(answer.item);
      const sets = ITEM_COLUMNS.split(', ')
        .map((column, index) => `${column} = $${index + 1}`)
        .slice(1);
      await tx.query(`update items set ${sets.join(', ')}, changed_by = $${columns.length + 1} where id = $1`, [
        ...columns,
        decision,
      ]);
      for (const recorded of answer.events)
        await tx.query(
          `insert into certification_events (item_id, student_id, type, actor, on_day, from_state, to_state, reason, certifier, acting_as, decision_id)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
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
            decision,
          ],
        );
      return answer.item;
    });
  });
}
