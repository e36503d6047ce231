/**
 * npm run check:budgets -- DIR
 * Checks a built site against its budgets: every record page (commitment letter, penalty,
 * enforcement, dishonest listing, honour) at most 20 KB of gzipped HTML and no JavaScript;
 * all CSS together at most 20 KB gzipped. Exit status 1 when a budget is exceeded.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const RECORD_PAGE_BUDGET = 20 * 1024;
export const CSS_BUDGET = 20 * 1024;
const RECORD_PAGE = /^(commitments|penalties|enforcement|dishonest|honors)\/[A-Za-z0-9_-]{1,64}\/index\.html$/;
const SCRIPT = /<script\b|<link[^>]+rel="modulepreload"/i;

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export interface BudgetResult {
  recordPages: number;
  largest: { path: string; gzip: number } | undefined;
  css: { files: number; gzip: number };
  problems: string[];
}

export function checkBudgets(dir: string): BudgetResult {
  const problems: string[] = [];
  let recordPages = 0;
  let largest: BudgetResult['largest'];
  let cssGzip = 0;
  let cssFiles = 0;
  for (const path of walk(dir)) {
    const rel = relative(dir, path).split(sep).join('/');
    if (rel.endsWith('.css')) {
      cssFiles++;
      cssGzip += gz(readFileSync(path));
      continue;
    }
    if (!RECORD_PAGE.test(rel)) continue;
    recordPages++;
    const bytes = readFileSync(path);
    const size = gz(bytes);
    if (!largest || size > largest.gzip) largest = { path: rel, gzip: size };
    if (size > RECORD_PAGE_BUDGET) problems.push(`${rel}: ${kb(size)} gzipped, budget ${kb(RECORD_PAGE_BUDGET)}`);
    if (SCRIPT.test(bytes.toString('utf8'))) problems.push(`${rel}: ships JavaScript (record pages must not)`);
  }
  if (cssGzip > CSS_BUDGET) problems.push(`CSS: ${kb(cssGzip)} gzipped in ${cssFiles} files, budget ${kb(CSS_BUDGET)}`);
  return { recordPages, largest, css: { files: cssFiles, gzip: cssGzip }, problems };
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('用法：npm run check:budgets -- DIR');
    process.exit(2);
  }
  const r = checkBudgets(dir);
  console.log(`记录页面 ${r.recordPages} 个，最大 ${r.largest ? `${kb(r.largest.gzip)}（${r.largest.path}）` : '—'}，预算 ${kb(RECORD_PAGE_BUDGET)}`);
  console.log(`CSS ${r.css.files} 个文件，合计 ${kb(r.css.gzip)}（gzip），预算 ${kb(CSS_BUDGET)}`);
  for (const p of r.problems) console.error(`超出预算：${p}`);
  if (r.recordPages === 0) console.error('没有找到记录页面：DIR 是构建输出目录吗？');
  process.exit(r.problems.length > 0 || r.recordPages === 0 ? 1 : 0);
}
