/**
 * Command-line arguments of the release scripts: every flag is declared, an unknown flag
 * or a stray word is an error (a mistyped `--acept-drop` must not silently publish).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n用法：${usage}`);
  }
}

/** A whole number flag ≥ min, e.g. --keep 7. */
export function wholeNumber(name: string, raw: string | undefined, fallback: number, min = 0): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new UsageError(`--${name} 应为不小于 ${min} 的整数：${raw}`);
  return Number(raw);
}

/** A fraction flag in [0, 1], e.g. --max-drop 0.2. */
export function fraction(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d*\.?\d+$/.test(raw) || n > 1) throw new UsageError(`--${name} 应为 0 到 1 之间的小数：${raw}`);
  return n;
}
