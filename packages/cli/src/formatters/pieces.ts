import type { Output } from '../command';

/** About how much text is handed to the output at a time. */
const PIECE = 64 * 1024;

/**
 * Gathers text into pieces of about 64 KiB for `output`, so that a large report is written as it is
 * made and never held whole. `end` writes what is left.
 */
export function inPieces(output: Output): { put: (text: string) => void; end: (text: string) => void } {
  let pending = '';
  return {
    put(text) {
      pending += text;
      if (pending.length >= PIECE) {
        output.write(pending);
        pending = '';
      }
    },
    end(text) {
      output.write(pending + text);
      pending = '';
    },
  };
}

/** The text a writer writes, as one string (for the small reports and the library's format functions). */
export function collected(write: (output: Output) => void): string {
  const parts: string[] = [];
  write({ write: (text: string) => parts.push(text) });
  return parts.join('');
}
