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
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(e.message)) return `选项缺少值：${named.split(' ')[0]}`;
    // `--max-drop -1`: a value that starts with a dash reads as another flag.
    if (/ambiguous/.test(e.message)) return `选项 ${named} 的值不能以 - 开头（负数不是允许的值；确需以 - 开头时写作 ${named}=…）`;
    return `选项不接受值：${named}`;
  }
  return e.message;
}

/** A flag given twice: parseArgs keeps the last one without a word, and `--from A … --from B` would publish B unnoticed. */
function givenTwice(tokens: readonly { kind: string; name?: string; rawName?: string }[], options: Options): string | undefined {
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || !t.name || options[t.name]?.multiple) continue;
    if (seen.has(t.name)) return `选项重复：${t.rawName}（只能给出一次）`;
    seen.add(t.name);
  }
  return undefined;
}

/** parseArgs with its tokens, its complaint (or a flag given twice) turned into a UsageError that ends with the usage. */
function strictly<T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  let parsed;
  try {
    parsed = parseArgs({ ...config, tokens: true });
  } catch (e) {
    throw new UsageError(`${complaint(e as Error)}\n用法：${usage}`);
  }
  const twice = givenTwice(parsed.tokens ?? [], config.options ?? {});
  if (twice) throw new UsageError(`${twice}\n用法：${usage}`);
  return parsed as ReturnType<typeof parseArgs<T>>;
}

/** Declared flags only, no positional words; throws UsageError. */
export function parseFlags<O extends Options>(argv: string[], options: O, usage: string) {
  return strictly(usage, { args: argv, options, strict: true, allowPositionals: false }).values;
}

/** The script's own command line; on a usage error prints it and exits 2. */
export function parseCommandLine<const T extends ParseArgsConfig & { strict?: true }>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return strictly(usage, config);
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

/** A whole number flag from min to max, e.g. --keep 7. */
export function wholeNumber(name: string, raw: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new UsageError(max === Number.MAX_SAFE_INTEGER ? `--${name} 应为不小于 ${min} 的整数：${raw}` : `--${name} 应为 ${min} 到 ${max} 之间的整数：${raw}`);
  return Number(raw);
}

/** A fraction flag in [0, 1], e.g. --max-drop 0.2. */
export function fraction(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d*\.?\d+$/.test(raw) || n > 1) throw new UsageError(`--${name} 应为 0 到 1 之间的小数：${raw}`);
  return n;
}
