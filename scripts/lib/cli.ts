/**
 * Command lines of the project's scripts: node's own parseArgs, strict, so that an
 * unknown flag or a stray argument is an error (exit 2, with the usage) rather than
 * silently ignored — a mistyped `--strcit` must not pass a check it meant to tighten.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseAsOf, type CivilDate } from '../../src/lib/dates/civil-date.ts';

export function parseCommandLine<const T extends ParseArgsConfig & { strict?: true }>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    console.error(`${(e as Error).message}\n用法：${usage}`);
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
