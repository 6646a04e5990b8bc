// The template's placeholders (○○高級中學, ○○補充規定) left in a pack: a warning until the school
// writes its own names, so that a pack made by `init` never reads as finished before it is.
import type { Finding } from '../catalogue';
import { createFinding } from '../findings/define';
import type { Position } from '../findings/types';
import { clip } from '../_lib/clip';
import { PACK_CODES } from './codes';
import type { Pack } from './schema';

/** The mark the template writes where a school's own name goes. */
export const PLACEHOLDER = '○○';

/** Every text value of the pack that still holds the placeholder, with its position. */
export function placeholderFindings(pack: Pack, positions: Readonly<Record<string, Position>>): Finding[] {
  const findings: Finding[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (value.includes(PLACEHOLDER)) {
        const position = positions[path];
        findings.push(
          createFinding(
            PACK_CODES.placeholder,
            { text: clip(value) },
            { rule: 'pack.placeholder', subject: path, ...(position && { position }) },
          ),
        );
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((inner, index) => visit(inner, `${path}.${index}`));
    else if (value !== null && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) visit(inner, path === '' ? key : `${path}.${key}`);
  };
  visit(pack, '');
  return findings;
}
