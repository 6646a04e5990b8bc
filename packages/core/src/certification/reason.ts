import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import type { Position } from '../findings/types';
import { MANUAL_4_7 } from './authority';
import { CERTIFICATION_CODES } from './codes';

/**
 * The rejection rule, the one place it is decided (seed 002, 4-7 item 4: 認證失敗同時需填寫認證說明):
 * a rejection carries a reason that is text with something in it besides spaces.
 */
export function reasonGiven(reason: unknown): reason is string {
  return typeof reason === 'string' && reason.trim() !== '';
}

/** A rejection without a reason (PR4003), as the engine refuses it and the audit reports it. */
export function reasonFinding(itemId: string, studentId: string, position?: Position): Finding {
  return createFinding(
    CERTIFICATION_CODES.reasonRequired,
    { source: MANUAL_4_7, studentId },
    { rule: 'certification.reason', subject: itemId, source: MANUAL_4_7, ...(position && { position }) },
  );
}
