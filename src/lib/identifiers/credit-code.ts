/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-character set
 * (no I, O, Z, S, V) whose last character is a check digit over the first 17.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Upper-cases (the contract allows lower case) and checks shape and check digit. */
export function parseCreditCode(raw: string): { ok: true; code: string } | { ok: false; message: string } {
  const code = raw.toUpperCase();
  if (code.length !== 18) return { ok: false, message: `统一社会信用代码应为18位，实际为${code.length}位：${raw}` };
  if (!SHAPE.test(code)) return { ok: false, message: `统一社会信用代码含有不允许的字符：${raw}` };
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return { ok: false, message: `统一社会信用代码校验位错误：${raw}（应为 ${expected}）` };
  return { ok: true, code };
}
