/**
 * Command lines of the project's scripts: node's own parseArgs, strict, so that an unknown
 * flag or a stray argument is an error (exit 2, with the usage) rather than silently ignored —
 * a mistyped `--strcit` must not pass a check it meant to tighten, a mistyped `--acept-drop`
 * must not silently publish. One module for every script: the release scripts throw
 * `UsageError` (they have other errors to tell apart), the others exit at once.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseAsOf, type CivilDate } from '../../src/lib/dates/civil-date.ts';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs's complaint in the language of every other message, naming the flag or word it is about. */
function complaint(e: Error & { code?: string }): string {
  const named = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知的选项：${named}`;
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数：${named}（选项须以 -- 开头）`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return /argument missing/.test(e.message) ? `选项缺少值：${named.split(' ')[0]}` : `选项不接受值：${named}`;
  return e.message;
}

/** parseArgs, its complaint turned into a UsageError that ends with the usage. */
function strictly<T>(usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new UsageError(`${complaint(e as Error)}\n用法：${usage}`);
  }
}

/** Declared flags only, no positional words; throws UsageError. */
export function parseFlags<O extends Options>(argv: string[], options: O, usage: string) {
  return strictly(usage, () => parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values);
}

/** The script's own command line; on a usage error prints it and exits 2. */
export function parseCommandLine<const T extends ParseArgsConfig & { strict?: true }>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return strictly(usage, () => parseArgs(config));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}

/** The as-of date of a script (flag, else PORTAL_AS_OF, else today), or exit 2 naming where the bad value came from. */
export function asOfOrExit(flag: string | undefined): CivilDate {
  const [source, raw] = flag !== undefined ? ['--as-of', flag] : ['PORTAL_AS_OF', process.env.PORTAL_AS_OF];
  const parsed = parseAsOf(raw);
  if (parsed.ok) return parsed.date;
  console.error(`${source} ${parsed.message}`);
  process.exit(2);
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
