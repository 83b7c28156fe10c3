/**
 * Bytes to text, with a clear reason when a document cannot be read. SPEC.md offsets
 * count the text as decoded from UTF-8 with a leading BOM removed; other encodings are
 * decoded only when that can be done reliably, and the standoff file records it.
 */

export type Encoding = 'utf-8' | 'windows-1256' | 'utf-16le' | 'utf-16be';

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding; bom: boolean; warnings: string[] }
  | { ok: false; code: 'empty' | 'binary' | 'encoding'; reason: string };

export interface DecodeOptions {
  /** Decode Windows-1256 and BOM-marked UTF-16 instead of refusing them. */
  legacyEncodings: boolean;
}

/** True when `text` has no visible character (a test that stops at the first one, no copy). */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const cp1256 = new TextDecoder('windows-1256');

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i; // truncated sequence at the end
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** True when the bytes look like a binary file: NUL bytes or many control bytes. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65_536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) controls++;
  }
  return n > 0 && controls / n > 0.05;
}

function isArabicLetter(code: number): boolean {
  return (code >= 0x0621 && code <= 0x064a) || code === 0x067e || code === 0x0686 || code === 0x0698 || code === 0x06af;
}

/**
 * Windows-1256 is accepted only when its high bytes decode to Arabic letters (or
 * its Arabic punctuation and marks) at least 85% of the time, with enough of them to
 * judge: Latin-1 or random bytes fail this.
 */
function decodeWindows1256(bytes: Uint8Array): string | null {
  let high = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) high++;
  if (high < 8) return null;
  const text = cp1256.decode(bytes);
  let arabic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (isArabicLetter(c) || (c >= 0x064b && c <= 0x0652) || c === 0x060c || c === 0x061b || c === 0x061f || c === 0x0640) arabic++;
  }
  return arabic / high >= 0.85 ? text : null;
}

/** Decodes one document's bytes, or says exactly why it cannot. */
export function decodeDocument(bytes: Uint8Array, options: DecodeOptions): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'empty', reason: 'empty document (0 bytes)' };
  const warnings: string[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), true, options);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding: Encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (!options.legacyEncodings) {
      return { ok: false, code: 'encoding', reason: `${encoding.toUpperCase()} text (byte order mark); convert it to UTF-8 or enable run.legacyEncodings` };
    }
    const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
    if (isBlank(text)) return { ok: false, code: 'empty', reason: 'document contains only whitespace' };
    warnings.push(`decoded from ${encoding.toUpperCase()} (byte order mark); offsets count the decoded text`);
    return { ok: true, text, encoding, bom: true, warnings };
  }
  return decodeUtf8(bytes, false, options);
}

function decodeUtf8(bytes: Uint8Array, bom: boolean, options: DecodeOptions): DecodeResult {
  if (looksBinary(bytes)) return { ok: false, code: 'binary', reason: 'binary file (NUL or control bytes), not text' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    if (options.legacyEncodings) {
      const legacy = decodeWindows1256(bytes);
      if (legacy !== null) {
        if (isBlank(legacy)) return { ok: false, code: 'empty', reason: 'document contains only whitespace' };
        return {
          ok: true,
          text: legacy,
          encoding: 'windows-1256',
          bom: false,
          warnings: [`not UTF-8 (invalid byte at offset ${at}): decoded as Windows-1256; offsets count the decoded text`],
        };
      }
    }
    return {
      ok: false,
      code: 'encoding',
      reason: `not valid UTF-8 (invalid byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} at offset ${at})` +
        (options.legacyEncodings ? ' and not recognisably Windows-1256' : '; run.legacyEncodings is off'),
    };
  }
  if (isBlank(text)) return { ok: false, code: 'empty', reason: bytes.length === 0 ? 'empty document (0 bytes)' : 'document contains only whitespace' };
  return { ok: true, text, encoding: 'utf-8', bom, warnings: [] };
}
