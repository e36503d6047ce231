/**
 * Reads model-case files: front matter (YAML) and body, with the line each front-matter
 * field sits on so that problems point into the file.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'js-yaml';

export interface CaseFile {
  file: string;
  slug: string;
  format: 'md' | 'mdx';
  /** Parsed front matter, or the YAML error. */
  data: unknown;
  yamlError?: string;
  /** Why the file cannot be read as a case at all: a folder, a link, unreadable, not UTF-8. */
  unreadable?: string;
  body: string;
  /** Line in the file where the body starts. */
  bodyLine: number;
  /** Line of a top-level front-matter key. */
  lineOf: (key: string) => number;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The text of a case file, or why it cannot be one: a folder, a link, unreadable, not UTF-8. */
async function readCaseText(path: string): Promise<{ text: string } | { error: string }> {
  try {
    const stat = await lstat(path);
    if (!stat.isFile()) return { error: stat.isSymbolicLink() ? '案例文件是符号链接，导出中的文件必须是普通文件' : '不是普通文件（可能是文件夹）' };
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path)) };
  } catch (e) {
    return { error: e instanceof TypeError ? '案例文件不是有效的 UTF-8 文本' : `无法读取案例文件：${(e as Error).message}` };
  }
}

export async function readCaseFiles(exportDir: string): Promise<{ cases: CaseFile[]; ignored: string[]; unreadable?: string }> {
  const dir = join(exportDir, 'cases');
  let names: string[];
  try {
    // A linked folder could lead outside the export, as a linked CSV or case file could.
    if ((await lstat(dir)).isSymbolicLink()) return { cases: [], ignored: [], unreadable: 'cases 是符号链接，导出中的文件夹必须是普通文件夹，其中的案例均未读取' };
    names = (await readdir(dir)).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { cases: [], ignored: [], ...(code === 'ENOENT' ? {} : { unreadable: `cases 不是可读取的文件夹（${code}），其中的案例均未读取` }) };
  }
  const cases: CaseFile[] = [];
  const ignored: string[] = [];
  for (const name of names) {
    const m = /^(.+)\.(mdx?)$/.exec(name);
    if (!m) {
      ignored.push(`cases/${name}`);
      continue;
    }
    const read = await readCaseText(join(dir, name));
    const text = 'text' in read ? read.text : '';
    const fm = FRONT_MATTER.exec(text);
    const yaml = fm?.[1] ?? '';
    const yamlLines = yaml.split(/\r?\n/);
    const lineOf = (key: string) => {
      const i = yamlLines.findIndex((l) => l.startsWith(`${key}:`));
      return i < 0 ? 1 : i + 2;
    };
    let data: unknown = {};
    let yamlError: string | undefined;
    if ('error' in read) {
      // Nothing to parse: the case is rejected for what `unreadable` says.
    } else if (!fm) yamlError = '缺少以 --- 开头和结尾的 front matter';
    else {
      try {
        data = load(yaml) ?? {};
      } catch (e) {
        yamlError = `front matter 不是有效的 YAML：${(e as Error).message.split('\n')[0]}`;
      }
    }
    const bodyLine = fm ? fm[0].split(/\n/).length : 1;
    cases.push({ file: `cases/${name}`, slug: m[1]!, format: m[2] as 'md' | 'mdx', data, ...(yamlError ? { yamlError } : {}), ...('error' in read ? { unreadable: read.error } : {}), body: fm ? text.slice(fm[0].length) : text, bodyLine, lineOf });
  }
  return { cases, ignored };
}
