/**
 * A GB18030 encoder for test files, with no dependency: the two-byte table is read back
 * from the platform's own decoder. `KNOWN_GB18030` pins a few characters by hand so that
 * the table is not only checked against itself.
 */
export const KNOWN_GB18030: Record<string, number[]> = {
  中: [0xd6, 0xd0],
  文: [0xce, 0xc4],
  泰: [0xcc, 0xa9],
  安: [0xb0, 0xb2],
  市: [0xca, 0xd0],
};

let table: Map<string, number[]> | undefined;

function twoByteTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(Uint8Array.from([lead, trail]));
      } catch {
        continue;
      }
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

/** Encodes ASCII and the characters of GBK (every character these tests use) as GB18030. */
export function encodeGb18030(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = twoByteTable().get(ch);
      if (!pair) throw new Error(`test encoder has no GB18030 bytes for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
