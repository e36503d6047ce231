/**
 * Every file under /data/: the CSV and JSON of each kind, governance.json, and
 * datapackage.json (Frictionless Data Package v2) describing them. A file's bytes are made
 * by one deterministic function: the index makes each once to measure its size and sha256
 * and lets it go, and the endpoint makes it again to serve it, so a 100 MB export is never
 * held as sixteen strings for the whole build.
 */
import { createHash } from 'node:crypto';
import type { PortalConfig } from '../config/portal-config.ts';
import type { GovernanceSummary } from '../governance/summary.ts';
import type { PublishedRecords } from '../pipeline/ingest.ts';
import type { ExportInfo } from '../site/records.ts';
import { OPEN_KINDS, openTable, tableCsv, tableJson, type OpenColumn, type OpenDataKind } from './tables.ts';

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
export function governanceJson(summary: GovernanceSummary, info: ExportInfo): string {
  return JSON.stringify({ as_of: info.asOf, export: { platform: info.platform, exported_at: info.exportedAt }, ...summary }, null, 1) + '\n';
}

const measure = (body: string) => {
  const bytes = Buffer.from(body, 'utf8');
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
};

const kindOf = (name: string) => ({ kind: name.slice(0, name.lastIndexOf('.')) as OpenDataKind, csv: name.endsWith('.csv') });

/** The bytes of one file (datapackage.json is made from the index of the others). */
export function openFileBody(name: string, input: OpenDataInput, index?: readonly OpenFileInfo[]): string {
  if (name === GOVERNANCE) return governanceJson(input.summary, input.info);
  if (name === DATA_PACKAGE) return dataPackage(index ?? openFileIndex(input), input);
  const { kind, csv } = kindOf(name);
  const t = openTable(kind, input.records);
  return csv ? tableCsv(t) : tableJson(t);
}

/** Size, sha256 and table facts of every file, datapackage.json last. */
export function openFileIndex(input: OpenDataInput): OpenFileInfo[] {
  const index: OpenFileInfo[] = [];
  for (const name of OPEN_FILE_NAMES) {
    if (name === DATA_PACKAGE) continue;
    const mediatype = name.endsWith('.csv') ? 'text/csv' : 'application/json';
    if (name === GOVERNANCE) {
      index.push({ name, mediatype, title: '政务失信治理指标', ...measure(openFileBody(name, input)) });
      continue;
    }
    const t = openTable(kindOf(name).kind, input.records);
    index.push({ name, mediatype, title: t.title, ...measure(name.endsWith('.csv') ? tableCsv(t) : tableJson(t)), table: { kind: t.kind, rows: t.rows.length, columns: t.columns } });
  }
  index.push({ name: DATA_PACKAGE, mediatype: 'application/json', title: '数据包描述', ...measure(dataPackage(index, input)) });
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
