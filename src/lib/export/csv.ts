/**
 * Streams a contract CSV file: sha256 of the bytes, strict decoding (UTF-8 with or without
 * BOM, or GB18030 through the platform's TextDecoder), and RFC 4180 rows from papaparse,
 * each with the physical line it starts on. The file is never held whole in memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

export type Encoding = 'utf-8' | 'gb18030';

export interface CsvRow {
  /** Physical line in the file where the row starts; the header is line 1. */
  line: number;
  /** Cells by header name, trimmed; an empty cell is undefined. */
  cells: Record<string, string | undefined>;
  /** Non-empty cells beyond the header's columns: a stray separator has shifted the row. */
  overflow: number;
}

export class DecodeError extends Error {
  readonly line: number;
  constructor(line: number, byteOffset: number, encoding: Encoding) {
    super(`无法按 ${encoding} 解码：第 ${line} 行（字节偏移 ${byteOffset}）含有无效字节`);
    this.line = line;
  }
}

/** Counts line breaks (CRLF, LF or lone CR) in a cell, so rows after multi-line cells keep true line numbers. */
function lineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** Finds the first undecodable byte of a chunk, for an error that points at a line. */
function firstBadByte(chunk: Uint8Array, encoding: Encoding): { offset: number; text: string } {
  let lo = 0;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder(encoding, { fatal: true }).decode(chunk.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return { offset: lo, text: new TextDecoder(encoding).decode(chunk.subarray(0, lo), { stream: true }) };
}

/**
 * Reads a CSV file. `onHeader` gets the header names; `onRow` every non-blank data row.
 * Resolves with the sha256 (hex) and the number of data rows.
 */
export async function readCsv(
  path: string,
  encoding: Encoding,
  onHeader: (headers: string[]) => void,
  onRow: (row: CsvRow) => void,
): Promise<{ sha256: string; rows: number }> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder(encoding, { fatal: true });
  // §3: comma separated; left unset, papaparse guesses the delimiter from the first rows.
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false, delimiter: ',' }) as NodeJS.ReadWriteStream;
  let headers: string[] | undefined;
  let line = 1;
  let rows = 0;
  let bytesBefore = 0;
  let textSoFarLines = 1;
  let endsWithCr = false;
  // A CRLF split between two chunks was counted as a lone CR already: its LF is no new line.
  const breaksAfter = (text: string) => lineBreaks(text) - (endsWithCr && text.startsWith('\n') ? 1 : 0);

  const consumed = (async () => {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const start = line;
      line += 1 + cells.reduce((n, c) => n + lineBreaks(c), 0);
      if (cells.every((c) => c.trim() === '')) continue; // blank line, tolerated
      if (!headers) {
        headers = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
        onHeader(headers);
        continue;
      }
      const record: Record<string, string | undefined> = {};
      headers.forEach((h, i) => {
        const v = cells[i]?.trim();
        record[h] = v ? v : undefined;
      });
      rows++;
      onRow({ line: start, cells: record, overflow: cells.slice(headers.length).filter((c) => c.trim() !== '').length });
    }
  })();

  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const bad = firstBadByte(chunk, encoding);
        throw new DecodeError(textSoFarLines + breaksAfter(bad.text), bytesBefore + bad.offset, encoding);
      }
      bytesBefore += chunk.length;
      textSoFarLines += breaksAfter(text);
      if (text) endsWithCr = text.endsWith('\r');
      if (!parser.write(text)) await new Promise((r) => parser.once('drain', r));
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw new DecodeError(textSoFarLines, bytesBefore, encoding); // the file ends inside a character
    }
    if (rest) parser.write(rest);
  } catch (e) {
    parser.end();
    await consumed.catch(() => undefined);
    throw e;
  }
  parser.end();
  await consumed;
  return { sha256: hash.digest('hex'), rows };
}
