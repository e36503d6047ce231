/**
 * §3: a cell may not hold a character that is invisible on a page or changes how the text
 * around it displays — a control character (U+0000–U+001F other than tab and line breaks,
 * U+007F), a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069), or a byte
 * order mark inside the text. "Inside": the reader trims a cell first, so a BOM or
 * control character at either end never reaches a page and is not reported.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFEFF]/;

const NAMES: Record<number, string> = {
  0x00: '空字符 NUL',
  0x7f: '删除符 DEL',
  0x202a: '从左至右嵌入',
  0x202b: '从右至左嵌入',
  0x202c: '方向格式结束',
  0x202d: '从左至右覆盖',
  0x202e: '从右至左覆盖',
  0x2066: '从左至右隔离',
  0x2067: '从右至左隔离',
  0x2068: '首强隔离',
  0x2069: '方向隔离结束',
  0xfeff: '字节顺序标记 BOM',
};

export interface InvisibleCharacter {
  /** UTF-16 index in the text. */
  index: number;
  message: string;
}

/** A character's code point as Unicode writes it: U+200B. */
export const codePointName = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first forbidden character of a text, with the message a report prints. */
export function findInvisibleCharacter(text: string): InvisibleCharacter | undefined {
  const m = INVISIBLE.exec(text);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0);
  return { index: m.index, message: `含有不可见字符 ${codePointName(code)}（${NAMES[code] ?? '控制字符'}），页面上看不见或会改变文字的显示，不得公示` };
}
