/**
 * Hand-made archives for the tests: the hostile ones (`../` names, links, lying sizes) are
 * exactly what archiving libraries refuse to write, so the bytes are laid out here.
 * Zip: local headers + central directory (APPNOTE 4.3), deflated, Unix mode in the
 * external attributes. Tar: ustar headers (POSIX.1-1988), gzip-compressed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';

export interface ArchiveEntry {
  name: string;
  data?: Buffer | string;
  /** file (default), dir, symlink (data = target) or hardlink (data = target). */
  type?: 'file' | 'dir' | 'symlink' | 'hardlink';
  /** Zip only: the uncompressed size the headers claim (a zip bomb lies). */
  claimedSize?: number;
}

/** Every file of a folder, as entries under an optional prefix. */
export function folderEntries(dir: string, prefix = ''): ArchiveEntry[] {
  const out: ArchiveEntry[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ name: prefix + relative(dir, path).split(sep).join('/'), data: readFileSync(path) });
    }
  };
  walk(dir);
  return out;
}

const MODES = { file: 0o100644, dir: 0o040755, symlink: 0o120777, hardlink: 0o100644 };

export function makeZip(entries: ArchiveEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const type = e.type ?? 'file';
    const name = Buffer.from(type === 'dir' && !e.name.endsWith('/') ? e.name + '/' : e.name, 'utf8');
    const data = Buffer.from(e.data ?? '');
    const packed = deflateRawSync(data);
    const size = e.claimedSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((MODES[type] << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const TAR_TYPES = { file: '0', hardlink: '1', symlink: '2', dir: '5' };

function tarHeader(e: ArchiveEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  const type = e.type ?? 'file';
  const field = (value: string, at: number, len: number) => h.write(value, at, len, 'utf8');
  const octal = (n: number, at: number, len: number) => field(n.toString(8).padStart(len - 1, '0') + '\0', at, len);
  field(e.name, 0, 100);
  octal(type === 'dir' ? 0o755 : 0o644, 100, 8);
  octal(0, 108, 8);
  octal(0, 116, 8);
  octal(size, 124, 12);
  octal(0, 136, 12);
  h.fill(' ', 148, 156);
  field(TAR_TYPES[type], 156, 1);
  if (type === 'symlink' || type === 'hardlink') field(String(e.data ?? ''), 157, 100);
  field('ustar\u000000', 257, 8);
  let sum = 0;
  for (const b of h) sum += b;
  field(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

export function makeTarGz(entries: ArchiveEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const isFile = (e.type ?? 'file') === 'file';
    const data = isFile ? Buffer.from(e.data ?? '') : Buffer.alloc(0);
    parts.push(tarHeader(e, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}
