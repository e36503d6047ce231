/**
 * Unpacks an export archive (.zip with yauzl, .tar.gz with node-tar) into an empty folder of
 * the work area. The whole archive is refused — nothing is half-used — when an entry's name
 * leaves the target (absolute, `..`, backslash, NUL), an entry is a link or a device, or the
 * unpacked size or number of files passes its limit (zip bombs; a platform export is a few
 * CSV files, case Markdown and attachments).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar';
import yauzl from 'yauzl';

export interface UnpackLimits {
  maxBytes: number;
  maxFiles: number;
}

export class ArchiveError extends Error {}

export type ArchiveFormat = 'zip' | 'tar.gz';

/** By content, not by name: a zip starts PK\3\4 (or PK\5\6 when empty), gzip 1f 8b. */
async function archiveFormat(file: string): Promise<ArchiveFormat> {
  const fd = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await fd.read(head, 0, 4, 0);
    if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return 'zip';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'tar.gz';
  } finally {
    await fd.close();
  }
  throw new ArchiveError('不是 .zip 或 .tar.gz 压缩包');
}

/** The entry's path inside the target, or an error naming the entry. */
export function safeEntryPath(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  const bad =
    trimmed === '' || name.includes('\0') || name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || trimmed.split('/').some((seg) => seg === '..');
  if (bad) throw new ArchiveError(`压缩包条目路径越出目标目录：${JSON.stringify(name)}`);
  return posix.normalize(trimmed);
}

class Budget {
  bytes = 0;
  files = 0;
  readonly limits: UnpackLimits;
  constructor(limits: UnpackLimits) {
    this.limits = limits;
  }
  file(name: string) {
    if (++this.files > this.limits.maxFiles) throw new ArchiveError(`压缩包文件数超过上限 ${this.limits.maxFiles}（${name}）`);
  }
  /** Refuses what would pass the limit, before writing it. */
  fits(n: number) {
    if (this.bytes + n > this.limits.maxBytes) throw new ArchiveError(`压缩包解压后大小超过上限 ${(this.limits.maxBytes / 1e6).toFixed(1)} MB`);
  }
  add(n: number) {
    this.fits(n);
    this.bytes += n;
  }
  /** Counts bytes as they are written, whatever the headers declared. */
  meter() {
    return new Transform({
      transform: (chunk: Buffer, _e, done) => {
        try {
          this.add(chunk.length);
          done(null, chunk);
        } catch (e) {
          done(e as Error);
        }
      },
    });
  }
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

async function unpackZip(file: string, target: string, limits: UnpackLimits): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((ok, fail) =>
    yauzl.open(file, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true, autoClose: true }, (err, z) => (err ? fail(new ArchiveError(`压缩包损坏：${err.message}`)) : ok(z))),
  );
  if (zip.entryCount > limits.maxFiles) {
    zip.close();
    throw new ArchiveError(`压缩包文件数 ${zip.entryCount} 超过上限 ${limits.maxFiles}`);
  }
  const budget = new Budget(limits);
  await new Promise<void>((ok, fail) => {
    const stop = (e: unknown) => {
      zip.close();
      if (e instanceof ArchiveError) return fail(e);
      const message = (e as Error).message;
      // yauzl refuses such names itself, before our check sees them.
      fail(new ArchiveError(/invalid relative path|absolute path|invalid characters/.test(message) ? `压缩包条目路径越出目标目录：${message}` : `压缩包损坏：${message}`));
    };
    zip.on('error', stop);
    zip.on('end', ok);
    zip.on('entry', (entry: yauzl.Entry) => {
      (async () => {
        const rel = safeEntryPath(entry.fileName);
        const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
        const isDir = entry.fileName.endsWith('/');
        // Unix-made zips carry the file type; a link (or anything but a file or folder) is refused.
        if (mode !== 0 && mode !== (isDir ? S_IFDIR : S_IFREG)) throw new ArchiveError(`压缩包含有链接或特殊文件：${entry.fileName}`);
        if (isDir) {
          await mkdir(join(target, rel), { recursive: true });
          return;
        }
        budget.file(entry.fileName);
        budget.fits(entry.uncompressedSize);
        await mkdir(dirname(join(target, rel)), { recursive: true });
        const stream = await new Promise<NodeJS.ReadableStream>((res, rej) => zip.openReadStream(entry, (err, s) => (err ? rej(err) : res(s))));
        await pipeline(stream, budget.meter(), createWriteStream(join(target, rel), { flags: 'wx' }));
      })().then(() => zip.readEntry(), stop);
    });
    zip.readEntry();
  });
}

const ALLOWED_TAR_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/**
 * What may follow a tar's end-of-archive blocks: its padding to a record (10,240 bytes by
 * default), with room to spare. node-tar keeps what follows in one buffer that it copies on every
 * read, so 40 MB of zeros after the end took a minute, and gigabytes for ever, uncounted by any
 * limit: more is refused unread.
 */
const TAR_TRAILER_BYTES = 1 << 20;

/** Reads every header first (no writing), so a bad entry anywhere refuses the whole archive. */
async function inspectTar(file: string, limits: UnpackLimits): Promise<void> {
  const budget = new Budget(limits);
  const source = createReadStream(file);
  let problem: Error | undefined;
  // The whole tar stream, headers and padding included: an entry's header, an extended header of
  // its name (a Chinese or long name has one) and padding take about 1.5 KB; 4 KB are allowed for
  // each file, and as many folders as files.
  const streamCap = limits.maxBytes + 4096 * (2 * limits.maxFiles + 2) + TAR_TRAILER_BYTES;
  let streamed = 0;
  let ended = false;
  let trailing = 0;
  const gate = new Transform({
    transform: (chunk: Buffer, _e, done) => {
      streamed += chunk.length;
      if (streamed > streamCap) return done(new ArchiveError(`压缩包解压后大小超过上限 ${(limits.maxBytes / 1e6).toFixed(1)} MB`));
      if (!ended) return done(null, chunk);
      trailing += chunk.length;
      done(trailing > TAR_TRAILER_BYTES ? new ArchiveError(`压缩包在归档结束标记之后还有超过 ${TAR_TRAILER_BYTES / (1 << 20)} MB 的多余数据`) : null);
    },
  });
  const parser = new tar.Parser({
    strict: true,
    onReadEntry: (entry) => {
      entry.resume();
      if (problem) return;
      try {
        safeEntryPath(entry.path);
        if (!ALLOWED_TAR_TYPES.has(entry.type)) throw new ArchiveError(`压缩包含有链接或特殊文件：${entry.path}（${entry.type}）`);
        if (entry.type !== 'Directory') {
          budget.file(entry.path);
          budget.add(entry.size);
        }
      } catch (e) {
        problem = e as Error;
        source.destroy();
      }
    },
  });
  parser.on('eof', () => (ended = true));
  try {
    await pipeline(source, createGunzip(), gate, parser);
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    if (!problem) throw new ArchiveError(`压缩包损坏：${(e as Error).message}`);
  }
  if (problem) throw problem;
}

async function unpackTarGz(file: string, target: string, limits: UnpackLimits): Promise<void> {
  await inspectTar(file, limits);
  const budget = new Budget(limits);
  const refused: string[] = [];
  try {
    await tar.x({
      file,
      cwd: target,
      strict: true,
      preservePaths: false,
      preserveOwner: false,
      // Checked again while writing: the listing pass and this one read the same bytes.
      filter: (path, entry) => {
        const ok = 'type' in entry && ALLOWED_TAR_TYPES.has(entry.type) && !path.split('/').includes('..');
        if (!ok) refused.push(path);
        else if (entry.type !== 'Directory') budget.add(entry.size);
        return ok;
      },
    });
  } catch (e) {
    throw e instanceof ArchiveError ? e : new ArchiveError(`压缩包损坏：${(e as Error).message}`);
  }
  if (refused.length) throw new ArchiveError(`压缩包含有不允许的条目：${refused.join('、')}`);
}

/** Unpacks file into target (an empty folder of the work area). */
export async function unpackArchive(file: string, target: string, limits: UnpackLimits): Promise<ArchiveFormat> {
  const format = await archiveFormat(file);
  await mkdir(target, { recursive: true });
  if (format === 'zip') await unpackZip(file, target, limits);
  else await unpackTarGz(file, target, limits);
  return format;
}
