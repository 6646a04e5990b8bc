import { describe, expect, it } from 'vitest';
import { utf8Text } from './encodings';

const big5 = new Uint8Array([0xa5, 0xc1, 0xb0, 0xea, 0xb0, 0xaa, 0xa4, 0xa4]); // 民國高中

describe('utf8Text', () => {
  it('reads UTF-8 text as it is, Chinese included', () => {
    expect(utf8Text(Buffer.from('id: 馬公高中\n', 'utf8'))).toEqual({ text: 'id: 馬公高中\n' });
  });

  it('names UTF-16 by its byte-order mark or its zero bytes, either way round', () => {
    expect(utf8Text(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: demo', 'utf16le')]))).toEqual({
      encoding: 'utf-16le',
    });
    expect(utf8Text(Buffer.from('id: demo\n', 'utf16le'))).toEqual({ encoding: 'utf-16le' });
    expect(utf8Text(Buffer.from('id: demo\n', 'utf16le').swap16())).toEqual({ encoding: 'utf-16be' });
  });

  it('names Big5 Chinese as big5, and other bytes that are not UTF-8 as unknown', () => {
    expect(utf8Text(Buffer.concat([Buffer.from('name: '), big5]))).toEqual({ encoding: 'big5' });
    expect(utf8Text(Buffer.from('id: caf\xe9\n', 'latin1'))).toEqual({ encoding: 'unknown' });
  });
});
