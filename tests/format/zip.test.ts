import { describe, expect, it } from '@jest/globals';
import { centralDirectory } from '../../src/format/zip.ts';

/** `before` bytes, an end-of-central-directory record (3 entries from offset 100), then `comment` bytes. */
function withEndRecord(before: number, comment: number): DataView {
  const bytes = new Uint8Array(before + 22 + comment);
  const view = new DataView(bytes.buffer);
  view.setUint32(before, 0x06054b50, true);
  view.setUint16(before + 10, 3, true);
  view.setUint32(before + 16, 100, true);
  view.setUint16(before + 20, comment, true);
  return view;
}

describe('centralDirectory', () => {
  it('finds the end record at the very end, or before a trailing comment', () => {
    expect(centralDirectory(withEndRecord(40, 0))).toEqual({ count: 3, start: 100 });
    expect(centralDirectory(withEndRecord(40, 17))).toEqual({ count: 3, start: 100 });
  });

  it('says undefined when there is none, or when the bytes are shorter than a record', () => {
    expect(centralDirectory(new DataView(new Uint8Array(200).buffer))).toBeUndefined();
    expect(centralDirectory(new DataView(new Uint8Array(10).buffer))).toBeUndefined();
  });
});
