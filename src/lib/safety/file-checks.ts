/**
 * The safety checks of one file (checks.ts runs them over a whole build): personal numbers
 * anywhere in its text, and, in a page or stylesheet, URLs that load from another host, that
 * are not web URLs, or that resolve to no file of the build. The workers that read or write
 * files while the build goes on (page-scan-worker.ts, search-index-worker.ts, check-worker.ts)
 * run these on each file; checks.ts runs them over a whole build and adds the checks of the
 * record pages.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findPersonalNumbers, personalNumberMessage, personalNumbersInPieces, type PersonalNumberHit } from '../identifiers/personal-numbers.ts';
import { cssUrls, pageRefs, type PageRef } from './links.ts';
import { isText, readableText, servedPath, textPieces, type OutputFile } from './output-files.ts';

export type SafetyCheck = 'personal-number' | 'external-load' | 'unsafe-url' | 'broken-link' | 'record-page' | 'withheld-page';

export interface SafetyProblem {
  check: SafetyCheck;
  /** Output file (relative), or the URL path a record's page should have. */
  file: string;
  message: string;
}

/** Whether a URL path of the site names a page or file of the build (directories need their `/`). */
export function resolvesInBuild(outDir: string, pathname: string): boolean {
  let path: string;
  try {
    path = join(outDir, decodeURIComponent(pathname));
  } catch {
    return false;
  }
  if (!path.startsWith(outDir)) return false;
  if (pathname.endsWith('/')) return existsSync(join(path, 'index.html'));
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// Browsers drop ASCII tab and line breaks inside URLs and trim controls and spaces around them.
const cleanUrl = (raw: string) => raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const FOLLOWABLE_SCHEMES = new Set(['mailto', 'tel']);
/**
 * A path of the site that a URL parser leaves as it is: from the root (not `//`, another host),
 * only letters, digits and `-._~/`, no `.` or `..` segment. Most links of a page are such paths,
 * and parsing each as a URL took a third of these checks' time; anything else is parsed.
 */
const PLAIN_PATH = /^\/(?!\/)[A-Za-z0-9\-._~/]*$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;
const plainPath = (url: string): boolean => PLAIN_PATH.test(url) && !DOT_SEGMENT.test(url);
/**
 * A copy of a path taken from the page's text. V8 keeps a substring of 13 characters or more as
 * a slice of the whole string, so a kept link path (a resolver's table, a link still waiting, the
 * next day's reads) would keep its whole page alive: reading pages while Astro rendered, the
 * thread's heap filled after 13,375 of 28,979 pages and it read no more. A parsed URL's path
 * is a new string already.
 */
const unsliced = (path: string): string => (' ' + path).slice(1);

/** One page's URL problems; internal paths are returned for the caller to resolve. */
function checkRefs(refs: PageRef[], pagePath: string, site: URL, report: (check: SafetyCheck, message: string) => void, internal: (path: string, where: string, url: string) => void) {
  // The page's own URL, once: a page has dozens of links, and each parse of a URL counts.
  let base: URL | undefined;
  for (const ref of refs) {
    const url = cleanUrl(ref.url);
    if (url === '' || url.startsWith('#')) continue;
    const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
    if (scheme && scheme !== 'http' && scheme !== 'https') {
      if (ref.loads || !FOLLOWABLE_SCHEMES.has(scheme)) report('unsafe-url', `${ref.where} 使用了不允许的 ${scheme}: 地址：${url.slice(0, 80)}`);
      continue;
    }
    if (plainPath(url)) {
      internal(unsliced(url), ref.where, url);
      continue;
    }
    let resolved: URL;
    try {
      resolved = new URL(url, (base ??= new URL(pagePath, site)));
    } catch {
      report('broken-link', `${ref.where} 地址无法解析：${url.slice(0, 80)}`);
      continue;
    }
    if (resolved.host !== site.host) {
      if (ref.loads) report('external-load', `${ref.where} 从其他主机加载：${resolved.origin}`);
      continue;
    }
    internal(resolved.pathname, ref.where, url);
  }
}

/** A problem with its file's place in the list checked, for putting shares back in order. */
export type PlacedProblem = SafetyProblem & { at: number };

/**
 * What one file's checks found, in order. Two kinds depend on the finished build: a
 * personal-number hit is no problem when it is an identifier value of the build, and an
 * internal link is broken only when it resolves to no file of the build.
 */
export type Finding =
  | { problem: SafetyCheck; message: string }
  | { personalNumber: string; message: string }
  | { internalLink: string; where: string; url: string };

const numberFinding = (hit: PersonalNumberHit, number: string): Finding => ({ personalNumber: number, message: personalNumberMessage(hit) });

/** Whether a file's only check is for personal numbers: not a page nor a stylesheet, whose URLs are checked too. */
const numbersOnly = (rel: string): boolean => !rel.endsWith('.html') && !rel.endsWith('.css');

/**
 * A file's findings, its text read as checkFiles reads it: a page, a stylesheet or a search
 * index file whole; any other text file in pieces, never whole (output-files.ts textPieces).
 */
function* readFindings(output: OutputFile, site: URL): Generator<Finding> {
  if (!numbersOnly(output.rel) || !isText(output.rel)) return yield* fileFindings(output.rel, readableText(output), site);
  for (const { hit, number } of personalNumbersInPieces(textPieces(output))) yield numberFinding(hit, number);
}

/**
 * A file's findings (personal numbers, URLs, links), from its readable text alone (output-files.ts).
 * `pageRefsOfText`: a page's links when its text was already parsed (page-read.ts), else parsed here.
 */
export function fileFindings(rel: string, text: string | undefined, site: URL, pageRefsOfText?: PageRef[]): Finding[] {
  if (text === undefined) return [];
  const findings: Finding[] = findPersonalNumbers(text).map((hit) => numberFinding(hit, text.slice(hit.index, hit.index + hit.length)));
  if (numbersOnly(rel)) return findings;
  const isHtml = rel.endsWith('.html');
  const refs = isHtml ? (pageRefsOfText ?? pageRefs(text)) : cssUrls(text).map((url) => ({ url, loads: true, where: 'CSS url()' }));
  checkRefs(
    refs,
    servedPath(rel),
    site,
    (problem, message) => findings.push({ problem, message }),
    (internalLink, where, url) => findings.push({ internalLink, where, url }),
  );
  return findings;
}

/**
 * Whether a file's findings leave nothing to the checks of the finished build: nothing but
 * internal links, each resolving (a personal-number hit waits for the build's identifier values).
 */
export const clearsChecks = (findings: readonly Finding[], resolves: (path: string) => boolean): boolean => findings.every((f) => 'internalLink' in f && resolves(f.internalLink));

/** Paths whose yes is kept while the build still writes (linkResolver). */
const KEPT_WHILE_WRITING = 4096;

/**
 * Whether URL paths resolve in the build, each looked up once. `whileWriting`: the build is
 * still writing files (page-scan-worker.ts), which it only adds, so only a yes is final; and
 * only the yeses of the last few thousand paths are kept (the navigation every page has), not
 * all: most paths are linked from a page or two.
 */
export function linkResolver(outDir: string, { whileWriting = false } = {}): (path: string) => boolean {
  let known = new Map<string, boolean>();
  return (path) => {
    const kept = known.get(path);
    if (kept !== undefined) return kept;
    const ok = resolvesInBuild(outDir, path);
    if (whileWriting) {
      if (!ok) return false;
      if (known.size >= KEPT_WHILE_WRITING) known = new Map();
    }
    known.set(path, ok);
    return ok;
  };
}

/** The file checks (personal numbers, URLs, links) of some of the output's files. */
export function checkFiles(outDir: string, files: readonly OutputFile[], siteUrl: string, codes: ReadonlySet<string>): PlacedProblem[] {
  const site = new URL(siteUrl);
  const exists = linkResolver(outDir);
  const problems: PlacedProblem[] = [];
  files.forEach((output, at) => {
    const file = output.rel;
    for (const f of readFindings(output, site)) {
      if ('problem' in f) problems.push({ check: f.problem, file, message: f.message, at });
      else if ('personalNumber' in f) {
        if (!codes.has(f.personalNumber)) problems.push({ check: 'personal-number', file, message: f.message, at });
      } else if (!exists(f.internalLink)) problems.push({ check: 'broken-link', file, message: `${f.where} 指向不存在的页面或文件：${f.url.slice(0, 120)}`, at });
    }
  });
  return problems;
}
