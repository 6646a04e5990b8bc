/** How many characters of a value a message echoes: enough to recognise it, never a 50 MB line. */
export const ECHO_WIDTH = 200;

/** The text cut to `width` characters, the last one an ellipsis when anything was cut; a character is never split. */
export function clip(text: string, width: number = ECHO_WIDTH): string {
  if (text.length <= width) return text;
  const characters = Array.from(text.slice(0, width * 2));
  return characters.length <= width ? text : `${characters.slice(0, width - 1).join('')}…`;
}
