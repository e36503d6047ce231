/**
 * Every file under /data/: the CSV and JSON of each kind, governance.json, and
 * datapackage.json (Frictionless Data Package v2) describing them. A file's text is made by
 * one deterministic function, a piece at a time, so a 300 MB table is never one string nor
 * held for the whole build. The index makes each file once, to measure its size and sha256,
 * and in a build writes it as it measures it: making the tables twice, to measure and then
 * to write, took 9 s of the rendering at 100,000 records.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortalConfig } from '../config/portal-config.ts';
import type { GovernanceSummary } from '../governance/summary.ts';
import type { PublishedRecords } from '../pipeline/ingest.ts';
import type { ExportInfo } from '../site/records.ts';
import { OPEN_KINDS, openTable, tableCsvText, tableJsonText, type OpenColumn, type OpenDataKind, type OpenTable } from './tables.ts';

export interface OpenDataInput {
  records: PublishedRecords;
  summary: GovernanceSummary;
  info: ExportInfo;
  config: PortalConfig;
}

export interface OpenFileInfo {
  /** File name under /data/ */
  name: string;
  mediatype: 'text/csv' | 'application/json';
  title: string;
  bytes: number;
  sha256: string;
  /** For a table file: its kind, row count and columns. */
  table?: { kind: OpenDataKind; rows: number; columns: OpenColumn[] };
}

const GOVERNANCE = 'governance.json';
const DATA_PACKAGE = 'datapackage.json';

/** Every file name, in page order: per kind CSV then JSON, then governance.json and datapackage.json. */
export const OPEN_FILE_NAMES: readonly string[] = [...OPEN_KINDS.flatMap((k) => [`${k}.csv`, `${k}.json`]), GOVERNANCE, DATA_PACKAGE];

/** governance.json: the same figures as /governance/, with the as-of date and the export. */
function governanceJson({ asOf, ...figures }: GovernanceSummary, info: ExportInfo): string {
  // The as-of date once, named as the open data's other fields are (it was also there as asOf).
  return JSON.stringify({ as_of: asOf, export: { platform: info.platform, exported_at: info.exportedAt }, ...figures }, null, 1) + '\n';
}

/** Size and sha256 of a file's text, piece by piece; written to `path` as well when one is given. */
function measure(text: Iterable<string>, path?: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  let bytes = 0;
  const fd = path === undefined ? undefined : openSync(path, 'w');
  try {
    for (const piece of text) {
      const b = Buffer.from(piece, 'utf8');
      bytes += b.length;
      hash.update(b);
      // writeFileSync on a descriptor writes until every byte is out; one writeSync may write fewer.
      if (fd !== undefined) writeFileSync(fd, b);
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

const kindOf = (name: string) => ({ kind: name.slice(0, name.lastIndexOf('.')) as OpenDataKind, csv: name.endsWith('.csv') });

/** A table file's text: its CSV or its JSON. */
const tableText = (t: OpenTable, csv: boolean): Iterable<string> => (csv ? tableCsvText(t) : tableJsonText(t));

/**
 * The text of one file, in pieces (datapackage.json is made from the index of the others). A
 * table file is made a thousand rows at a time, so that no file of 300 MB is ever one string.
 */
function* openFileText(name: string, input: OpenDataInput, index?: readonly OpenFileInfo[]): Generator<string> {
  if (name === GOVERNANCE) yield governanceJson(input.summary, input.info);
  else if (name === DATA_PACKAGE) yield dataPackage(index ?? openFileIndex(input), input);
  else {
    const { kind, csv } = kindOf(name);
    yield* tableText(openTable(kind, input.records), csv);
  }
}

/** The text of one file, whole (for `astro dev`; a build has openFileIndex write the files). */
export const openFileBody = (name: string, input: OpenDataInput, index?: readonly OpenFileInfo[]): string => [...openFileText(name, input, index)].join('');

/**
 * Size, sha256 and table facts of every file, datapackage.json last; with `dir` (a build's
 * data folder), each file is written there as it is measured.
 */
export function openFileIndex(input: OpenDataInput, dir?: string): OpenFileInfo[] {
  if (dir !== undefined) mkdirSync(dir, { recursive: true });
  const measured = (name: string, text: Iterable<string>) => measure(text, dir === undefined ? undefined : join(dir, name));
  const index: OpenFileInfo[] = [];
  for (const name of OPEN_FILE_NAMES) {
    if (name === DATA_PACKAGE) continue;
    const mediatype = name.endsWith('.csv') ? 'text/csv' : 'application/json';
    if (name === GOVERNANCE) {
      index.push({ name, mediatype, title: '政务失信治理指标', ...measured(name, openFileText(name, input)) });
      continue;
    }
    const { kind, csv } = kindOf(name);
    const t = openTable(kind, input.records);
    index.push({ name, mediatype, title: t.title, ...measured(name, tableText(t, csv)), table: { kind: t.kind, rows: t.rows.length, columns: t.columns } });
  }
  index.push({ name: DATA_PACKAGE, mediatype: 'application/json', title: '数据包描述', ...measured(DATA_PACKAGE, [dataPackage(index, input)]) });
  return index;
}

/** Frictionless field types: a list column is text in CSV and an array in JSON. */
const fieldType = (c: OpenColumn, csv: boolean) => (c.type === 'list' ? (csv ? 'string' : 'array') : c.type);

function dataPackage(files: readonly OpenFileInfo[], { info, config }: OpenDataInput): string {
  const resources = files.map((f) => {
    const csv = f.mediatype === 'text/csv';
    return {
      name: f.name.replace(/\./g, '-'),
      path: f.name,
      title: f.title,
      ...(f.table ? { type: 'table' } : {}),
      format: csv ? 'csv' : 'json',
      mediatype: f.mediatype,
      encoding: 'utf-8',
      bytes: f.bytes,
      hash: `sha256:${f.sha256}`,
      ...(f.table && csv ? { dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"' } } : {}),
      ...(f.table
        ? {
            schema: {
              fields: f.table.columns.map((c) => ({
                name: c.header,
                type: fieldType(c, csv),
                ...(c.type === 'list' && csv ? { description: '多个值以“；”分隔' } : {}),
                ...(c.required ? { constraints: { required: true } } : {}),
              })),
              primaryKey: [f.table.columns[0]!.header],
            },
          }
        : {}),
    };
  });
  const pkg = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'integrity-portal-open-data',
    title: `${config.siteName}开放数据`,
    description: `${config.city}政务诚信公示平台当日依法公示的全部记录，数据截至 ${info.asOf}，来自${info.platform} ${info.exportedAt} 的导出。`,
    homepage: new URL('/data/', config.siteUrl).href,
    created: info.exportedAt,
    licenses: [config.openData.license],
    sources: [{ title: info.platform }],
    resources: resources.filter((r) => r.path !== DATA_PACKAGE),
  };
  return JSON.stringify(pkg, null, 1) + '\n';
}
