/**
 * The addresses a mistyped one most likely meant, for the 404 page to try (it asks the site
 * which of them exist). The mistakes are those of people who type or paste an address from a
 * letter, a PDF or a chat: a credit code or id in lower case (a static site matches addresses
 * exactly, and the ids of one file never differ only in case, export-format §3), fullwidth
 * letters, a closing bracket or full stop pasted with it, a folder in capitals, the first page
 * of a list asked for as `page/1/`.
 */
import { RECORD_KINDS } from './kinds.ts';

/** Folders of one-segment pages whose ids are written in capitals where they have letters (credit codes always, record ids usually). */
const UPPER_CASE_IDS = new Set<string>([...RECORD_KINDS, 'subjects']);
/** A case's slug is lower case (schemas/case.ts). */
const LOWER_CASE_IDS = new Set<string>(['cases']);
/** What an id, code or slug is made of (export-format §3, schemas/case.ts); what follows it was pasted with it. */
const ID_START = /^[A-Za-z0-9_-]+/;

/** What a path asks for, tidied: its segments, and the page of one record, subject or case it names, if it names one. */
interface Asked {
  segments: string[];
  one?: { folder: string; id: string };
}

/** `pathname` decoded, fullwidth forms folded (NFKC), spaces and `index.html` dropped, the folder in lower case (as every route's is), a list's `page/1/` dropped (site/paginate.ts). */
function asked(pathname: string): Asked | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const segments = decoded
    .normalize('NFKC')
    .split('/')
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '' && segment !== 'index.html');
  if (segments.length === 0) return undefined;
  segments[0] = segments[0]!.toLowerCase();
  if (segments.length >= 2 && segments.at(-2)!.toLowerCase() === 'page' && segments.at(-1) === '1') segments.splice(-2);
  const [folder, second] = segments;
  if (segments.length !== 2 || !(UPPER_CASE_IDS.has(folder!) || LOWER_CASE_IDS.has(folder!))) return { segments };
  const id = ID_START.exec(second!)?.[0];
  // Nothing of an id (`/penalties/）/`): nothing to guess.
  return id ? { segments, one: { folder: folder!, id } } : undefined;
}

/**
 * A path of this site a browser resolves as such: a backslash is a slash to it (`/\\host` is
 * `//host`, another host), and a dot segment climbs out of the folder. Decoding and NFKC can make
 * either (%5C, ＼, ．．).
 */
const SITE_PATH = /^\/(?![\\/])[^\\\x00-\x1f]*$/;
const ownPath = (address: string) => SITE_PATH.test(address) && !address.split('/').some((part) => part === '.' || part === '..');

/** Likely addresses for a path that was not found, best first, without the path itself; empty when there is no better guess. A file's address (its last part has a dot) gets no `/`, a folder's does. Only paths of this site. */
export function likelyAddresses(pathname: string): string[] {
  const a = asked(pathname);
  if (!a) return [];
  const found = a.one
    ? [`/${a.one.folder}/${a.one.id}/`, `/${a.one.folder}/${LOWER_CASE_IDS.has(a.one.folder) ? a.one.id.toLowerCase() : a.one.id.toUpperCase()}/`]
    : [`/${a.segments.join('/')}${a.segments.at(-1)!.includes('.') ? '' : '/'}`];
  return [...new Set(found)].filter((address) => address !== pathname && ownPath(address));
}

/** The id, code or slug the path asks a page for, to search for when no likely address exists. */
export const askedId = (pathname: string): string | undefined => asked(pathname)?.one?.id;
