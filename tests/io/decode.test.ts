import { describe, expect, it } from 'vitest';
import { decodeDocument, firstInvalidUtf8, looksBinary } from '../../src/io/decode.js';

const opts = { legacyEncodings: true };
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1256 bytes of some Arabic letters (ب ي ن = 0xC8 0xED 0xE4, space 0x20). */
const CP1256_ARABIC = Uint8Array.from([0xc7, 0xe1, 0xda, 0xd1, 0xc7, 0xde, 0x20, 0xe6, 0xd3, 0xe6, 0xd1, 0xed, 0xc7, 0x20, 0xdd, 0xed, 0x20, 0xc7, 0xe1, 0xd4, 0xd1, 0xde]);

describe('decoding documents', () => {
  it('UTF-8 as is', () => {
    expect(decodeDocument(utf8('بغداد'), opts)).toMatchObject({ ok: true, text: 'بغداد', encoding: 'utf-8', bom: false });
  });

  it('removes a leading BOM and nothing else', () => {
    expect(decodeDocument(utf8('\uFEFFبغداد\r\n'), opts)).toMatchObject({ ok: true, text: 'بغداد\r\n', bom: true });
  });

  it('refuses an empty file and a whitespace-only file as empty', () => {
    expect(decodeDocument(new Uint8Array(0), opts)).toMatchObject({ ok: false, code: 'empty' });
    expect(decodeDocument(utf8(' \n\t\r\n'), opts)).toMatchObject({ ok: false, code: 'empty' });
  });

  it('refuses binary content', () => {
    expect(decodeDocument(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), opts)).toMatchObject({ ok: false, code: 'binary' });
    expect(looksBinary(utf8('نص عادي\n'))).toBe(false);
  });

  it('decodes Windows-1256 Arabic and says so', () => {
    const r = decodeDocument(CP1256_ARABIC, opts);
    expect(r).toMatchObject({ ok: true, text: 'العراق وسوريا في الشرق', encoding: 'windows-1256' });
    expect(r.ok && r.warnings[0]).toMatch(/Windows-1256/);
  });

  it('refuses Windows-1256 when legacy encodings are off', () => {
    expect(decodeDocument(CP1256_ARABIC, { legacyEncodings: false })).toMatchObject({ ok: false, code: 'encoding' });
  });

  it('refuses invalid UTF-8 that is not Arabic Windows-1256, naming the byte', () => {
    const latin1 = Uint8Array.from([...utf8('caf'), 0xe9, 0x20, ...utf8('au lait, tr'), 0xe8, 0x73, 0x20, 0x62, 0x6f, 0x6e]);
    const r = decodeDocument(latin1, opts);
    expect(r).toMatchObject({ ok: false, code: 'encoding' });
    expect(!r.ok && r.reason).toMatch(/invalid byte 0xe9 at offset 3/);
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const le = Uint8Array.from([0xff, 0xfe, 0x28, 0x06, 0x3a, 0x06]);
    expect(decodeDocument(le, opts)).toMatchObject({ ok: true, text: 'بغ', encoding: 'utf-16le' });
  });

  it.each([
    [[0x61, 0x62], -1],
    [[0xc3, 0xa9], -1],
    [[0x61, 0xc3], 1], // truncated
    [[0xe0, 0x80, 0x80], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf0, 0x9f, 0x98, 0x80], -1], // emoji
    [[0x61, 0xff], 1],
  ])('firstInvalidUtf8(%j) = %i', (bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });
});
