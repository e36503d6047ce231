/**
 * Every file under /data/: the CSV and JSON of each kind, governance.json, and
 * datapackage.json (Frictionless Data Package v2) describing them. Built once as strings,
 * so that the /data/ page prints the sizes and sha256 of exactly the bytes served.
 */
import { createHash } from 'node:crypto';
import type { PortalConfig } from '../config/portal-config.ts';
import type { GovernanceSummary } from '../governance/summary.ts';
import type { PublishedRecords } from '../pipeline/ingest.ts';
import type { ExportInfo } from '../site/records.ts';
import { openTables, tableCsv, tableJson, type OpenTable } from './tables.ts';

export interface OpenFile {
  /** File name under /data/ */
  name: string;
  mediatype: 'text/csv' | 'application/json';
  body: string;
  bytes: number;
  sha256: string;
  /** The table the file holds (absent for governance.json and datapackage.json). */
  table?: OpenTable;
}

function file(name: string, mediatype: OpenFile['mediatype'], body: string, table?: OpenTable): OpenFile {
  const bytes = Buffer.from(body, 'utf8');
  return { name, mediatype, body, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), ...(table ? { table } : {}) };
}

/** governance.json: the same figures as /governance/, with the as-of date and the export. */
export function governanceJson(summary: GovernanceSummary, info: ExportInfo): string {
  return JSON.stringify({ as_of: info.asOf, export: { platform: info.platform, exported_at: info.exportedAt }, ...summary }, null, 1) + '\n';
}

const fieldType = { string: 'string', date: 'date', number: 'number', list: 'string' } as const;

function dataPackage(files: OpenFile[], info: ExportInfo, config: PortalConfig): string {
  const resources = files.map((f) => ({
    name: f.name.replace(/\./g, '-'),
    path: f.name,
    ...(f.table ? { title: f.table.title, type: 'table' } : { title: '政务失信治理指标' }),
    format: f.mediatype === 'text/csv' ? 'csv' : 'json',
    mediatype: f.mediatype,
    encoding: 'utf-8',
    bytes: f.bytes,
    hash: `sha256:${f.sha256}`,
    ...(f.table && f.mediatype === 'text/csv' ? { dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"' } } : {}),
    ...(f.table
      ? {
          schema: {
            fields: f.table.columns.map((c) => ({
              name: c.header,
              type: fieldType[c.type],
              ...(c.type === 'list' ? { description: '多个值以“；”分隔（JSON 中为数组）' } : {}),
              ...(c.required ? { constraints: { required: true } } : {}),
            })),
            ...(f.table.columns[0] ? { primaryKey: [f.table.columns[0].header] } : {}),
          },
        }
      : {}),
  }));
  const pkg = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'integrity-portal-open-data',
    title: `${config.siteName}开放数据`,
    description: `${config.city}政务诚信公示平台当日依法公示的全部记录，数据截至 ${info.asOf}，来自 ${info.platform} ${info.exportedAt} 的导出。`,
    homepage: new URL('/data/', config.siteUrl).href,
    version: info.asOf,
    created: info.exportedAt,
    licenses: [config.openData.license],
    sources: [{ title: info.platform }],
    resources,
  };
  return JSON.stringify(pkg, null, 1) + '\n';
}

/** The downloads in page order: per kind CSV then JSON, then governance.json; datapackage.json last. */
export function openDataFiles(records: PublishedRecords, summary: GovernanceSummary, info: ExportInfo, config: PortalConfig): OpenFile[] {
  const files: OpenFile[] = [];
  for (const t of openTables(records)) files.push(file(`${t.kind}.csv`, 'text/csv', tableCsv(t), t), file(`${t.kind}.json`, 'application/json', tableJson(t), t));
  files.push(file('governance.json', 'application/json', governanceJson(summary, info)));
  files.push(file('datapackage.json', 'application/json', dataPackage(files, info, config)));
  return files;
}
