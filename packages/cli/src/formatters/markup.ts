import { showControls } from './safe-text';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe inside XML and HTML elements and quoted attributes: the five special characters as
 * entities, and control characters (which XML 1.0 forbids or a reader could be misled by) shown as
 * escapes such as `\x1b` (a bad input line may hold any).
 */
export function escapeMarkup(text: string): string {
  return showControls(text).replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
