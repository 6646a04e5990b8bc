const BLOCKS = /<(?:td|th|li|p|h\d|tr|div|caption|summary|br)\b[^>]*>/g;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' };

/**
 * The words a reader sees in an HTML page: no head, style sheet or script, no tags, entities read; a
 * line per cell, item or paragraph. `hide` leaves out the elements of those names with their text
 * (the zh-TW scan hides `code`: places and subjects are keys, not prose).
 */
export function visibleText(html: string, hide: readonly string[] = []): string {
  const hidden = ['head', 'style', 'script', ...hide].join('|');
  return html
    .replace(new RegExp(`<(${hidden})\\b[^>]*>[\\s\\S]*?</\\1>`, 'g'), '')
    .replace(BLOCKS, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ENTITIES[name]!);
}
