import type { Output } from '../command';
import { inPieces } from './pieces';
import { jsonSafe } from './safe-text';

/** Arrays and plain objects this many levels deep are written an element at a time; deeper ones are stringified whole. */
const STREAMED_LEVELS = 5;

const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * Writes exactly `jsonText(value)` (`JSON.stringify(value, null, 2)`, a newline, no raw control
 * character) in pieces of about 64 KiB, so that a large report never exists as one string: the JSON
 * of 24,000 findings in both languages is a two-byte string of about 130 MB, and writing it makes a
 * UTF-8 copy as large again.
 */
export function writeJson(value: unknown, output: Output): void {
  const { put, end } = inPieces({ write: (text: string) => output.write(jsonSafe(text)) });
  const whole = (item: unknown, indent: string) => {
    // Strings in JSON hold no raw newline, so every newline of a nested value starts one of its lines.
    const text = JSON.stringify(item, null, 2);
    put(indent === '' ? text : text.replaceAll('\n', `\n${indent}`));
  };
  const write = (item: unknown, indent: string, level: number): void => {
    if (
      level >= STREAMED_LEVELS ||
      typeof item !== 'object' ||
      item === null ||
      typeof (item as { toJSON?: unknown }).toJSON === 'function'
    )
      return whole(item, indent);
    const inner = `${indent}  `;
    if (Array.isArray(item)) {
      if (item.length === 0) return put('[]');
      put('[');
      item.forEach((element: unknown, index) => {
        put(`${index === 0 ? '' : ','}\n${inner}`);
        if (omitted(element)) put('null');
        else write(element, inner, level + 1);
      });
      return put(`\n${indent}]`);
    }
    if (!isPlainObject(item)) return whole(item, indent);
    const keys = Object.keys(item).filter((key) => !omitted((item as Record<string, unknown>)[key]));
    if (keys.length === 0) return put('{}');
    put('{');
    keys.forEach((key, index) => {
      put(`${index === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `);
      write((item as Record<string, unknown>)[key], inner, level + 1);
    });
    put(`\n${indent}}`);
  };
  write(value, '', 0);
  end('\n');
}
