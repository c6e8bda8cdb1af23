import iconv from 'iconv-lite';
import { decodeText } from '../../src/format/decode.ts';

const text = 'Département;Année\r\nAin;2024\r\nSaône-et-Loire;2024\r\n';

describe('decodeText', () => {
  it('UTF-8 with BOM', () => {
    expect(decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])))).toEqual({ text, encoding: 'utf-8-bom' });
  });
  it('strict UTF-8 without BOM', () => {
    expect(decodeText(new Uint8Array(Buffer.from(text)))).toEqual({ text, encoding: 'utf-8' });
  });
  it('Windows-1252 when the bytes are not valid UTF-8 (even a short file)', () => {
    expect(decodeText(new Uint8Array(iconv.encode('Dépt\r\n', 'win1252')))).toEqual({ text: 'Dépt\r\n', encoding: 'windows-1252' });
    expect(decodeText(new Uint8Array(iconv.encode(text + '€ œ', 'win1252')))).toEqual({ text: text + '€ œ', encoding: 'windows-1252' });
  });
  it('a UTF-8 BOM before Windows-1252 bytes: the BOM is dropped, the rest read as Windows-1252, and flagged', () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text + '€ œ', 'win1252')]));
    expect(decodeText(bytes)).toEqual({ text: text + '€ œ', encoding: 'windows-1252', bomMismatch: true });
  });
  it('a UTF-8 BOM before valid UTF-8 is not flagged', () => {
    const decoded = decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text + '€ œ')])));
    expect(decoded).toEqual({ text: text + '€ œ', encoding: 'utf-8-bom' });
  });
  it('UTF-16 with a BOM, little and big endian', () => {
    expect(decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')])))).toEqual({ text, encoding: 'utf-16be' });
  });
  it('UTF-16LE without a BOM, from its zero bytes', () => {
    expect(decodeText(new Uint8Array(iconv.encode(text, 'utf16le')))).toEqual({ text, encoding: 'utf-16le' });
  });
  it('refuses binary content', () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(decodeText(garbage)).toEqual({ binary: true });
  });
});
