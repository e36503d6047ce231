/** manifest.json (export-format.md §2): what the export claims to hold. */
import { statSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { findPersonalNumbers, personalNumberMessage } from '../identifiers/personal-numbers.ts';
import { findInvisibleCharacter } from '../schemas/invisible-characters.ts';
import { UnusableExport } from './errors.ts';

const fileEntry = z.object({
  /** Data rows, header excluded. */
  rows: z.number().int().nonnegative(),
  /** sha256 of the file's bytes, hex. */
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, '应为64位十六进制 sha256'),
  /** utf-8 (BOM allowed) or gb18030 (which covers GBK). */
  encoding: z.enum(['utf-8', 'gb18030']),
});

export const manifestSchema = z.object({
  /** Contract version; only 1 is understood. */
  schema_version: z.number(),
  /** The exporting platform's name, shown on every page: §3's invisible characters and personal numbers are refused here too. */
  platform: z
    .string()
    .min(1)
    .refine((s) => !findInvisibleCharacter(s), { error: (i) => findInvisibleCharacter(String(i.input))!.message })
    .refine((s) => findPersonalNumbers(s).length === 0, { error: (i) => personalNumberMessage(findPersonalNumbers(String(i.input))[0]!) }),
  /** Export time with offset, e.g. 2026-11-27T23:10:00+08:00. */
  exported_at: z.iso.datetime({ offset: true }),
  /** Sample data: every page then carries a 示例数据 notice. */
  sample: z.boolean().optional(),
  /** Each contract CSV in the export. */
  files: z.record(z.string(), fileEntry),
});

export type Manifest = z.infer<typeof manifestSchema>;
/** A manifest as read from an export. */
export type ReadManifest = Manifest & {
  /**
   * Every name under `files`, as written: zod's record drops `__proto__` (an own key of the
   * parsed JSON), and a name the contract does not know must still get its warning.
   */
  listedFiles: string[];
};
export type ManifestFile = z.infer<typeof fileEntry>;

/** Why a folder has no manifest: it is not there at all, it is a file, or it is a folder without one. */
function missingManifest(dir: string): string {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    return `导出目录不存在：${dir}`;
  }
  return stat.isDirectory() ? `导出目录中没有 manifest.json：${dir}` : `不是文件夹（导出应为一个文件夹）：${dir}`;
}

export async function readManifest(dir: string): Promise<ReadManifest> {
  // As every file of the export: a link could lead outside it.
  const linked = await lstat(join(dir, 'manifest.json')).then((s) => s.isSymbolicLink(), () => false);
  if (linked) throw new UnusableExport([{ file: 'manifest.json', message: 'manifest.json 是符号链接，导出中的文件必须是普通文件' }]);
  let raw: string;
  try {
    raw = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnusableExport([{ file: 'manifest.json', message: code === 'ENOENT' || code === 'ENOTDIR' ? missingManifest(dir) : `无法读取 manifest.json（${code ?? String(e)}）：${dir}` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UnusableExport([{ file: 'manifest.json', message: `不是有效的 JSON：${(e as Error).message}` }]);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UnusableExport([{ file: 'manifest.json', message: 'manifest.json 应为一个 JSON 对象（见导出格式 §2）' }]);
  }
  const version = (json as { schema_version?: unknown }).schema_version;
  if (version !== 1) {
    // "1" reads as 1 in a message: say what it is.
    const shown = version === undefined ? '缺少 schema_version' : typeof version === 'number' ? String(version) : `${JSON.stringify(version)}（应为数字，不是${typeof version === 'string' ? '字符串' : '其他类型'}）`;
    throw new UnusableExport([{ file: 'manifest.json', field: 'schema_version', message: `不支持的导出格式版本：${shown}（本门户只支持版本 1）` }]);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new UnusableExport(parsed.error.issues.map((i) => ({ file: 'manifest.json', field: i.path.join('.'), message: i.message })));
  }
  return { ...parsed.data, listedFiles: Object.keys((json as { files: object }).files) };
}
