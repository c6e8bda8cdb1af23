/**
 * Bytes of a text file → text, detecting the encoding the way a careful person would: a BOM first
 * (UTF-8, UTF-16), then strict UTF-8, then Windows-1252 (which decodes any byte). Statistical guessers
 * are wrong on short files, so none is used. UTF-16 without a BOM is recognised by its zero bytes.
 * A UTF-8 BOM followed by bytes that are not UTF-8 (a Windows-1252 file a tool prefixed with a BOM)
 * is read as Windows-1252 without its BOM, flagged `bomMismatch` so that the caller can say so.
 * Binary content (zero bytes, control characters) is refused.
 *
 * @example
 *   decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])); // { text: "A", encoding: "utf-8-bom" }
 *   decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe9])); // { text: "é", encoding: "windows-1252", bomMismatch: true }
 */
import iconv from 'iconv-lite';

export type Decoded = { text: string; encoding: string; bomMismatch?: true } | { binary: true };

const strictUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/** UTF-16 LE without a BOM: zero bytes at odd positions among the first 2 000 bytes. */
export function looksUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 2000) & ~1;
  if (n < 4) return false;
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  return oddZeros > n / 2 * 0.6 && evenZeros < n / 2 * 0.1;
}

/** Binary content: a zero or over 2 % of control characters among the first 8 000 characters. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8000);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > sample.length * 0.02;
}

export function decodeText(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded: { text: string; encoding: string; bomMismatch?: true };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      decoded = { text: strictUtf8(bytes.subarray(3)), encoding: 'utf-8-bom' };
    } catch {
      decoded = { text: iconv.decode(buffer.subarray(3), 'win1252'), encoding: 'windows-1252', bomMismatch: true };
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: iconv.decode(buffer.subarray(2), 'utf16le'), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: iconv.decode(buffer.subarray(2), 'utf16be'), encoding: 'utf-16be' };
  } else if (looksUtf16le(bytes)) {
    decoded = { text: iconv.decode(buffer, 'utf16le'), encoding: 'utf-16le' };
  } else {
    try {
      decoded = { text: strictUtf8(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: iconv.decode(buffer, 'win1252'), encoding: 'windows-1252' };
    }
  }
  return looksBinary(decoded.text) ? { binary: true } : decoded;
}
