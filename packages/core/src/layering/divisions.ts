import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import type { Position } from '../findings/types';
import type { Division } from '../units';
import { LAYERING_CODES } from './codes';

/** What the division rule reads of a pack: the divisions it lists (an effective pack's `values`, or a pack). */
export interface ListsDivisions {
  readonly divisions?: readonly Division[] | undefined;
}

/** The school's divisions (部別) as its pack lists them; a pack that lists none has the day school alone. */
export const divisionsOf = (values: ListsDivisions): readonly Division[] => values.divisions ?? ['day'];

/** Whether the pack lists the division; left out, a request or record is the day school's. */
export const divisionListed = (values: ListsDivisions, division: Division | undefined): boolean =>
  divisionsOf(values).includes(division ?? 'day');

/**
 * The one judge of a division the pack does not list (PR2008): each division has its own units and
 * rosters (新竹 十一(三)2: 進修部 教務組; seed 004: 日間部、進修部各計1校), so a division the school's
 * pack does not have cannot be judged by its rules. The engine refuses such a request, the audit
 * reports such a student or roster, and `validatePack(text, { division })` reports it at `divisions`.
 */
export function divisionFinding(
  values: ListsDivisions,
  division: Division | undefined,
  subject: string,
  position?: Position,
): Finding | undefined {
  if (divisionListed(values, division)) return undefined;
  return createFinding(
    LAYERING_CODES.divisionOutsidePack,
    { division: division ?? 'day', divisions: divisionsOf(values) },
    { rule: 'layering.division', subject, ...(position && { position }) },
  );
}
