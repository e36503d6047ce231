/**
 * Streams a contract CSV file: sha256 of the bytes, strict decoding (UTF-8 with or without
 * BOM, or GB18030 through the platform's TextDecoder), and RFC 4180 rows from papaparse,
 * each with the physical line it starts on. The file is never held whole in memory.
 * papaparse's own errors are not dropped: a quote that never closes makes the file
 * unusable (§3), any other one is a problem of the row it is in.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';

export type Encoding = 'utf-8' | 'gb18030';

export interface CsvRow {
  /** Physical line in the file where the row starts; the header is line 1. */
  line: number;
  /** Cells by header name, trimmed; an empty cell is undefined. */
  cells: Record<string, string | undefined>;
  /** Non-empty cells beyond the header's columns: a stray separator has shifted the row. */
  overflow: number;
  /** What the CSV parser found wrong in the row's quoting (the cells are then unreliable; none at all when it could not be split into cells). */
  quoting: string[];
}

/** A file that cannot be read as CSV at all (§7 exit 2), with the line to open it at. */
export class UnreadableCsv extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

export class DecodeError extends UnreadableCsv {
  constructor(line: number, byteOffset: number, encoding: Encoding) {
    super(line, `无法按 ${encoding} 解码：第 ${line} 行（字节偏移 ${byteOffset}）含有无效字节`);
  }
}

export class UnterminatedQuote extends UnreadableCsv {
  constructor(line: number) {
    super(line, `第 ${line} 行的引号没有闭合，此后的内容都无法按行读取（字段内的引号应写作 ""）`);
  }
}

/**
 * A row whose quoted field closes with text after the quote (`"…"x,`), and no other quote
 * in the rest of the file to pair with: papaparse takes the quote as text and the rest of
 * the file into the field. The row spans lines `from`–`to`.
 */
class StrayQuote extends Error {
  readonly from: number;
  readonly to: number;
  constructor(from: number, to: number) {
    super(`stray quote on lines ${from}–${to}`);
    this.from = from;
    this.to = to;
  }
}

/** Rows with a stray quote a file may have before it is unusable: each costs another reading of the file. */
const MAX_STRAY_QUOTES = 20;

/** papaparse error codes other than MissingQuotes, in the operator's words. */
const QUOTING_MESSAGES: Record<string, string> = {
  InvalidQuotes: '引号用法有误：加引号的字段在闭合引号后还有其他字符（字段内的引号应写作 ""）',
};

/** A line break as §3 allows them: CRLF, LF, or a lone CR (an old Mac export). */
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * How many lines `text` ends, as LINE_BREAK finds them (`afterCr`: the text before it ended with
 * a CR, so a leading LF completes that CRLF). Every cell, so that rows after multi-line cells keep
 * true line numbers, and every decoded megabyte pass here: indexOf, no match objects (a loop over
 * each character took 2.5 s of a 100,000-record export's 10 s validation).
 */
function lineBreaks(text: string, afterCr = false): number {
  let n = afterCr && text.startsWith('\n') ? -1 : 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/**
 * The line breaks of a text read in pieces, each piece after the one before: a CRLF split
 * between two pieces ends one line, at its CR. Every line number of a file (rows, undecodable
 * bytes, the lines left blank on a re-read) is counted by this rule.
 */
class LineBreaks {
  #afterCr = false;
  /** The next piece's line breaks, where they are; `newLine` false for the LF of a CRLF whose CR ended the last piece. */
  *in(text: string): Generator<{ at: number; end: number; newLine: boolean }> {
    const halfDone = this.#afterCr;
    if (text) this.#afterCr = text.endsWith('\r');
    for (const m of text.matchAll(LINE_BREAK)) yield { at: m.index, end: m.index + m[0].length, newLine: !(halfDone && m.index === 0 && m[0] === '\n') };
  }
  /** How many lines the next piece ends. */
  count(text: string): number {
    const n = lineBreaks(text, this.#afterCr);
    if (text) this.#afterCr = text.endsWith('\r');
    return n;
  }
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

/** The file's text, chunk by chunk, hashing the raw bytes on the way; throws DecodeError at the first bad byte. */
async function* decodedChunks(path: string, encoding: Encoding, hash: ReturnType<typeof createHash>, chunkBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let bytesBefore = 0;
  let textSoFarLines = 1;
  const breaks = new LineBreaks();
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const bad = firstBadByte(chunk, encoding);
      throw new DecodeError(textSoFarLines + breaks.count(bad.text), bytesBefore + bad.offset, encoding);
    }
    bytesBefore += chunk.length;
    textSoFarLines += breaks.count(text);
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new DecodeError(textSoFarLines, bytesBefore, encoding); // the file ends inside a character
  }
  if (rest) yield rest;
}

/** The sha256 (hex) of a file's bytes, streamed: for a file the CSV reader gave up on part way. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * The line end rows are split on. §3 allows LF or CRLF, and a file may mix them (a header
 * written by one program, the rows by another); papaparse would take the first line's end for
 * the whole file, and a CRLF header made the LF rows one row. So rows end at LF: a CRLF's CR
 * ends the row's last cell (readCsv drops it; after a closing quote papaparse skips it as
 * white space), and a line break inside a quoted cell stays as written. A file with no LF in
 * its first read is one of lone CRs (an old Mac export), split on CR.
 */
const rowEnd = (head: string): '\n' | '\r' => (!head.includes('\n') && head.includes('\r') ? '\r' : '\n');

/**
 * Reads a CSV file. `onHeader` gets the header names; `onRow` every non-blank data row.
 * Resolves with the sha256 (hex) and the number of data rows; rejects with an
 * UnreadableCsv (undecodable bytes, a quote that never closes) or what a callback threw.
 * `chunkBytes` is the read size (tests shrink it to put a character across two reads).
 * A row with text after a closing quote that would swallow the rest of the file (StrayQuote)
 * is a problem of that row alone: the file is read again with its lines left blank.
 */
export async function readCsv(
  path: string,
  encoding: Encoding,
  onHeader: (headers: string[]) => void,
  onRow: (row: CsvRow) => void,
  chunkBytes = 1 << 20,
): Promise<{ sha256: string; rows: number }> {
  const blanked: { from: number; to: number }[] = [];
  for (;;) {
    try {
      // Rows up to the last blanked one were given to onRow already.
      const read = await readOnce(path, encoding, onHeader, onRow, chunkBytes, blanked);
      return { sha256: read.sha256, rows: read.rows + blanked.length };
    } catch (e) {
      if (!(e instanceof StrayQuote)) throw e;
      if (blanked.length === MAX_STRAY_QUOTES) throw new UnreadableCsv(e.from, `第 ${e.from} 行：已有 ${MAX_STRAY_QUOTES} 行加引号的字段在闭合引号后还有其他字符，文件无法按行读取（字段内的引号应写作 ""）`);
      blanked.push({ from: e.from, to: e.to });
      onRow({ line: e.from, cells: {}, overflow: 0, quoting: ['引号用法有误：加引号的字段在闭合引号后还有其他字符，本行无法按字段读取（字段内的引号应写作 ""），其余各行照常读取'] });
    }
  }
}

/** The decoded text with the given lines left empty, their line ends kept. */
async function* blankLines(chunks: AsyncIterable<string>, ranges: readonly { from: number; to: number }[]): AsyncGenerator<string> {
  let line = 1;
  const breaks = new LineBreaks();
  const kept = () => !ranges.some((r) => line >= r.from && line <= r.to);
  for await (const text of chunks) {
    let out = '';
    let from = 0;
    for (const { at, end, newLine } of breaks.in(text)) {
      if (kept()) out += text.slice(from, at);
      out += text.slice(at, end);
      if (newLine) line++;
      from = end;
    }
    if (kept()) out += text.slice(from);
    yield out;
  }
}

async function readOnce(
  path: string,
  encoding: Encoding,
  onHeader: (headers: string[]) => void,
  onRow: (row: CsvRow) => void,
  chunkBytes: number,
  blanked: readonly { from: number; to: number }[],
): Promise<{ sha256: string; rows: number }> {
  const delivered = blanked.length ? blanked.at(-1)!.to : 0;
  const hash = createHash('sha256');
  const decoded = decodedChunks(path, encoding, hash, chunkBytes);
  const chunks = blanked.length ? blankLines(decoded, blanked) : decoded;
  // The text up to its first line end (a CR at the very end may be half of a CRLF).
  const head: string[] = [];
  let seen = '';
  while (!seen.includes('\n') && !/\r[^]/.test(seen)) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    seen = seen.slice(-1) + next.value;
  }
  const newline = rowEnd(seen);
  const input = Readable.from((async function* () {
    yield* head;
    yield* chunks;
  })());
  let headers: string[] | undefined;
  let line = 1;
  let rows = 0;

  const onCells = (cells: string[], errors: Papa.ParseError[]) => {
    // Split on LF, a CRLF row's last cell ends with its CR: not a line of its own.
    const last = cells.length - 1;
    if (newline === '\n' && cells[last]?.endsWith('\r')) cells[last] = cells[last]!.slice(0, -1);
    const start = line;
    line += 1 + cells.reduce((n, c) => n + lineBreaks(c), 0);
    if (errors.some((e) => e.code === 'MissingQuotes')) {
      // The open quote swallowed the rest of the file into the row's last cell: it opened on the line that cell starts on.
      const opened = start + cells.slice(0, -1).reduce((n, c) => n + lineBreaks(c), 0);
      // A quote on that line (not a "" pair) closed the field but had text after it.
      const firstLine = (cells[last] ?? '').split(LINE_BREAK, 1)[0]!;
      if (start > 1 && firstLine.replaceAll('""', '').includes('"')) throw new StrayQuote(start, opened);
      throw new UnterminatedQuote(opened);
    }
    const quoting = [...new Set(errors.map((e) => QUOTING_MESSAGES[e.code] ?? `CSV 格式有误：${e.message}`))];
    if (quoting.length === 0 && cells.every((c) => c.trim() === '')) return; // blank line, tolerated
    if (!headers) {
      headers = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
      if (quoting.length > 0) throw new UnreadableCsv(start, `表头行${quoting.join('；')}`);
      if (!delivered) onHeader(headers);
      return;
    }
    const record: Record<string, string | undefined> = {};
    headers.forEach((h, i) => {
      const v = cells[i]?.trim();
      record[h] = v ? v : undefined;
    });
    rows++;
    if (start > delivered) onRow({ line: start, cells: record, overflow: cells.slice(headers.length).filter((c) => c.trim() !== '').length, quoting });
  };

  return new Promise((resolve, reject) => {
    let failure: { error: unknown } | undefined;
    // §3: comma separated; left unset, papaparse guesses the delimiter from the first rows.
    Papa.parse<string[]>(input as unknown as File, {
      header: false,
      skipEmptyLines: false,
      delimiter: ',',
      newline,
      step: (results, parser) => {
        try {
          onCells(results.data, results.errors);
        } catch (error) {
          failure = { error };
          parser.abort(); // papaparse then calls complete
        }
      },
      complete: () => {
        input.destroy();
        if (failure) reject(failure.error);
        else resolve({ sha256: hash.digest('hex'), rows });
      },
      error: (error) => {
        input.destroy();
        reject(error);
      },
    });
  });
}
