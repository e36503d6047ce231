/**
 * The one road from an export folder to publication decisions, in an order that cannot
 * be got wrong:
 *   1. read every contract file (manifest, header, rows through their declarations);
 *      any fatal problem stops here with every fatal problem listed;
 *   2. decide every subject (subjects.ts) — the published subjects are all that
 *      references are later checked against;
 *   3. for every other file alike: reject rows whose subject is not published, then
 *      apply the file's publication rule;
 *   4. model cases, against the same published subjects.
 * Alongside, every valid enforcement case and listing, published or withheld, leaves a
 * governance history entry (governance/history.ts) for the month-by-month figures.
 * Every row is accounted for in the build report. `npm run validate` and the site's
 * content loader both call `ingestExport`.
 */
import { readdirSync } from 'node:fs';
import { attachmentKey, caseTwinAttachments } from '../identifiers/attachments.ts';
import { chinaDateOf, type CivilDate } from '../dates/civil-date.ts';
import { UnusableExport, type ExportProblem } from '../export/errors.ts';
import { readManifest, type Manifest } from '../export/manifest.ts';
import type { Commitment } from '../schemas/commitment.ts';
import { CONTRACT, CONTRACT_FILES, type RecordKind } from '../schemas/contract.ts';
import type { ContractFile } from '../schemas/contract-file.ts';
import type { Dishonest } from '../schemas/dishonest.ts';
import type { Enforcement } from '../schemas/enforcement.ts';
import type { Honor } from '../schemas/honor.ts';
import type { Penalty } from '../schemas/penalty.ts';
import type { Subject } from '../schemas/subject.ts';
import { discloseCommitment, discloseHonor } from '../rules/commitments-and-honors.ts';
import { discloseDishonestListing, discloseEnforcement } from '../rules/court-lists.ts';
import type { Decision, WithheldReason } from '../rules/decision.ts';
import { disclosePenalty, type PenaltyDisclosure } from '../rules/order-36-2025.ts';
import { readContractFile, rejectRow, type ReadContext, type Row } from './contract-rows.ts';
import { ingestCases, type ModelCase } from './model-cases.ts';
import { recordUrl, subjectUrl } from '../site/kinds.ts';
import { calendarWarnings } from '../governance/calendar-warnings.ts';
import { emptyHistory, enforcementHistory, listingHistory, type GovernanceHistory } from '../governance/history.ts';
import { emptyTally, type BuildReport, type FileTally, type Problem } from './report.ts';
import { decideSubjects, rejectUnpublishedSubjects, type DecidedSubjects } from './subjects.ts';

export type { ModelCase } from './model-cases.ts';

export interface IngestOptions {
  exportDir: string;
  asOf: CivilDate;
  /** The configured regions (portal configuration). */
  regions: readonly string[];
  /** The site's own origin (portal configuration): a case's link to it is checked as a relative one. */
  siteUrl: string;
}

export type PublishedCommitment = Commitment & { expired: boolean };
export type PublishedPenalty = Penalty & { disclosure: Omit<PenaltyDisclosure, 'decision'> };
export interface WithheldRecord {
  kind: RecordKind;
  id: string;
  reason: WithheldReason;
}

/** What the site shows: every published record, and the ids of withheld ones. */
export interface PublishedRecords {
  subjects: Subject[];
  commitments: PublishedCommitment[];
  penalties: PublishedPenalty[];
  enforcement: Enforcement[];
  dishonest: Dishonest[];
  honors: Honor[];
  cases: ModelCase[];
  withheld: WithheldRecord[];
}

export interface IngestResult extends PublishedRecords {
  report: BuildReport;
  manifest: Manifest;
  /** Attachment keys (relative to attachments/) that published records show. */
  attachments: string[];
  /** Dates and statuses of every valid case and listing, withheld ones included: counted, never shown. */
  history: GovernanceHistory;
}

const KNOWN_ENTRIES = new Set(['manifest.json', 'cases', 'attachments', ...CONTRACT_FILES.map((f) => f.definition.file)]);

/** Reads, validates and decides a whole export. Throws UnusableExport when it cannot be used at all. */
export async function ingestExport({ exportDir, asOf, regions, siteUrl }: IngestOptions): Promise<IngestResult> {
  const manifest = await readManifest(exportDir);
  const problems: Problem[] = [];
  const fatal: ExportProblem[] = [];
  const warn = (p: Omit<Problem, 'severity'>) => problems.push({ ...p, severity: 'warning' });
  for (const entry of readdirSync(exportDir).sort()) {
    if (!KNOWN_ENTRIES.has(entry)) warn({ file: entry, message: '不是导出格式约定的文件，已忽略' });
  }
  for (const listed of manifest.listedFiles) {
    if (!CONTRACT_FILES.some((f) => f.definition.file === listed)) warn({ file: 'manifest.json', field: `files.${listed}`, message: `清单列出了导出格式之外的文件 ${listed}，已忽略` });
  }

  // 1. Read every file; collect every fatal problem before stopping.
  const context: ReadContext = { exportDir, manifest, setting: { exportDate: chinaDateOf(manifest.exported_at)!, regions }, fatal, warn };
  const rows = {
    subjects: await readContractFile(CONTRACT.subjects, context),
    commitments: await readContractFile(CONTRACT.commitments, context),
    penalties: await readContractFile(CONTRACT.penalties, context),
    enforcement: await readContractFile(CONTRACT.enforcement, context),
    dishonest: await readContractFile(CONTRACT.dishonest, context),
    honors: await readContractFile(CONTRACT.honors, context),
  };
  const exportInfo = { platform: manifest.platform, exported_at: manifest.exported_at, schema_version: manifest.schema_version, ...(manifest.sample ? { sample: true } : {}) };
  if (fatal.length > 0 || !rows.subjects) throw new UnusableExport(fatal, exportInfo);

  const report: BuildReport = {
    as_of: asOf,
    export: exportInfo,
    usable: true,
    files: {},
    problems,
  };
  const withheld: WithheldRecord[] = [];
  const attachments: string[] = [];
  const history = emptyHistory();

  // 2. Subjects first: what is decided here is what every reference is checked against.
  const subjects = decideSubjects(rows.subjects);
  const account = <R>(file: string, fileRows: Row<R>[], decide: (record: R, key: string) => Decision) => {
    const tally = emptyTally();
    report.files[file] = tally;
    for (const row of fileRows) {
      tally.rows++;
      if (row.record !== undefined) count(tally, decide(row.record, row.key!));
      else {
        tally.rejected++;
        problems.push(...row.problems);
      }
    }
  };
  account(CONTRACT.subjects.definition.file, rows.subjects, () => ({ status: 'published' })); // §6 withholds no subject

  // 3. Every other file the same way. `paged`: the addresses of the subject and record pages the site will have.
  const paged = new Set<string>([...subjects.published.keys()].map(subjectUrl));
  // `remember` sees every row that is not rejected, whatever its decision.
  const publish = <R, P>(kind: RecordKind, definition: ContractFile<R>, fileRows: Row<R>[] | undefined, disclose: (record: R) => { decision: Decision; shown: P }, remember?: (record: R) => void): P[] => {
    const shown: P[] = [];
    if (!fileRows) return shown;
    rejectUnpublishedSubjects(definition.file, fileRows, definition.subjectOf, subjects);
    // Decided first, so that the letter case of attachments is checked among the rows to be published.
    const decided = new Map<R, { decision: Decision; shown: P }>();
    for (const row of fileRows) if (row.record !== undefined) decided.set(row.record, disclose(row.record));
    const attached = fileRows.flatMap((row) => (row.record !== undefined && decided.get(row.record)!.decision.status === 'published' ? definition.attachmentsOf(row.record).map(({ column, path }) => ({ item: { row, column }, key: attachmentKey(path) })) : []));
    for (const twins of caseTwinAttachments(attached)) {
      // One message for the group, its lines cut short: thousands of rows may share one letter.
      const lines = twins.items.map((t) => t.row.line);
      const message = `附件 ${twins.said}（第 ${lines.slice(0, 10).join('、')}${lines.length > 10 ? ` 等 ${lines.length}` : ''} 行），相关行均不予公示`;
      for (const { row, column } of twins.items) rejectRow(row, definition.file, column, message);
    }
    account(definition.file, fileRows, (record, id) => {
      remember?.(record);
      paged.add(recordUrl(kind, id)); // published, or withheld with its notice page
      const disclosure = decided.get(record)!;
      if (disclosure.decision.status === 'withheld') withheld.push({ kind, id, reason: disclosure.decision.reason });
      else {
        shown.push(disclosure.shown);
        for (const { path } of definition.attachmentsOf(record)) attachments.push(attachmentKey(path));
      }
      return disclosure.decision;
    });
    return shown;
  };
  const records = {
    subjects: [...subjects.published.values()],
    commitments: publish('commitments', CONTRACT.commitments.definition, rows.commitments, (c) => {
      const { decision, expired } = discloseCommitment(c, asOf);
      return { decision, shown: { ...c, expired } };
    }),
    penalties: publish('penalties', CONTRACT.penalties.definition, rows.penalties, (p) => {
      const { decision, ...disclosure } = disclosePenalty(p, asOf);
      return { decision, shown: { ...p, disclosure } };
    }),
    enforcement: publish('enforcement', CONTRACT.enforcement.definition, rows.enforcement, (e) => ({ decision: discloseEnforcement(e), shown: e }), (e) => history.enforcement.push(enforcementHistory(e))),
    dishonest: publish('dishonest', CONTRACT.dishonest.definition, rows.dishonest, (d) => ({ decision: discloseDishonestListing(d, asOf), shown: d }), (d) => history.dishonest.push(listingHistory(d))),
    honors: publish('honors', CONTRACT.honors.definition, rows.honors, (h) => ({ decision: discloseHonor(h, asOf), shown: h })),
  };

  // 4. Model cases, against the same decided subjects.
  const cases = await ingestCases(exportDir, regions, subjects, { siteUrl, urls: paged });
  if (cases.tally) report.files['cases'] = cases.tally;
  problems.push(...cases.problems);
  attachments.push(...cases.attachments);

  const result: IngestResult = { report, manifest, ...records, cases: cases.cases, withheld, attachments: attachments.sort(), history };
  problems.push(...calendarWarnings(result, asOf));
  return result;
}

function count(tally: FileTally, decision: Decision) {
  if (decision.status === 'published') tally.published++;
  else {
    tally.withheld++;
    tally.withheld_reasons[decision.reason] = (tally.withheld_reasons[decision.reason] ?? 0) + 1;
  }
}
