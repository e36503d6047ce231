/**
 * Reads model-case files: front matter (YAML) and body, with the line each front-matter
 * field sits on so that problems point into the file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'js-yaml';

export interface CaseFile {
  file: string;
  slug: string;
  format: 'md' | 'mdx';
  /** Parsed front matter, or the YAML error. */
  data: unknown;
  yamlError?: string;
  body: string;
  /** Line in the file where the body starts. */
  bodyLine: number;
  /** Line of a top-level front-matter key. */
  lineOf: (key: string) => number;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export async function readCaseFiles(exportDir: string): Promise<{ cases: CaseFile[]; ignored: string[] }> {
  const dir = join(exportDir, 'cases');
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return { cases: [], ignored: [] };
  }
  const cases: CaseFile[] = [];
  const ignored: string[] = [];
  for (const name of names) {
    const m = /^(.+)\.(mdx?)$/.exec(name);
    if (!m) {
      ignored.push(`cases/${name}`);
      continue;
    }
    const text = await readFile(join(dir, name), 'utf8');
    const fm = FRONT_MATTER.exec(text);
    const yaml = fm?.[1] ?? '';
    const yamlLines = yaml.split(/\r?\n/);
    const lineOf = (key: string) => {
      const i = yamlLines.findIndex((l) => l.startsWith(`${key}:`));
      return i < 0 ? 1 : i + 2;
    };
    let data: unknown = {};
    let yamlError: string | undefined;
    if (!fm) yamlError = '缺少以 --- 开头和结尾的 front matter';
    else {
      try {
        data = load(yaml) ?? {};
      } catch (e) {
        yamlError = `front matter 不是有效的 YAML：${(e as Error).message.split('\n')[0]}`;
      }
    }
    const bodyLine = fm ? fm[0].split(/\n/).length : 1;
    cases.push({ file: `cases/${name}`, slug: m[1]!, format: m[2] as 'md' | 'mdx', data, ...(yamlError ? { yamlError } : {}), body: fm ? text.slice(fm[0].length) : text, bodyLine, lineOf });
  }
  return { cases, ignored };
}
