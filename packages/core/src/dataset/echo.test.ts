import { describe, expect, it } from 'vitest';
import { ECHO_WIDTH } from '../_lib/clip';
import { parseRecord } from './parse';

describe('values a rejected record echoes', () => {
  it('cuts a 2 MB malformed date to a bounded width, so 60 such lines cost kilobytes, not 850 MiB', () => {
    const huge = '2'.repeat(2 * 1024 * 1024);
    const record = JSON.stringify({ type: 'student', id: 's1', grade: 2, graduatedOn: huge });
    const result = parseRecord(record, 3, { file: 'data.ndjson' });
    if (result.ok) throw new Error('expected a rejection');
    const value = String((result.finding.data as { value?: unknown }).value);
    expect(value.length).toBeLessThanOrEqual(ECHO_WIDTH);
    expect(value.endsWith('…')).toBe(true);
    expect(JSON.stringify(result.finding).length).toBeLessThan(5_000);
  });

  it('echoes a number too large for a double as Infinity, not as null', () => {
    const result = parseRecord('{"type":"student","id":"s1","grade":1e309}', 4, { file: 'data.ndjson' });
    if (result.ok) throw new Error('expected a rejection');
    expect(result.finding.code).toBe('PR8006');
    expect((result.finding.data as { value?: unknown }).value).toBe('Infinity');
    expect(result.finding.message.en).toContain('`Infinity`');
  });
});
