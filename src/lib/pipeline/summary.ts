/** The console side of the report: every problem as `file:line field: message`, then a table per file. */
import { WITHHELD_REASONS, type WithheldReason } from '../rules/decision.ts';
import { formatProblem, type BuildReport } from './report.ts';

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/** `shown`: at most this many problems are listed (the report has them all); validate lists every one. */
export function summarize(report: BuildReport, shown = Infinity): string {
  const lines = report.problems.slice(0, shown).map(formatProblem);
  if (report.problems.length > shown) lines.push(`……另有 ${report.problems.length - shown} 个问题，见报告`);
  const header = ['文件', '行数', '公示', '停止公示', '拒绝', '停止公示原因'];
  const rows = Object.entries(report.files).map(([file, t]) => [
    file,
    String(t.rows),
    String(t.published),
    String(t.withheld),
    String(t.rejected),
    Object.entries(t.withheld_reasons).map(([r, n]) => `${WITHHELD_REASONS[r as WithheldReason]} ${n}`).join('；'),
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const table = [header, ...rows].map((r) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd());
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  return [
    ...lines,
    ...(lines.length ? [''] : []),
    `导出：${report.export.platform}，导出时间 ${report.export.exported_at}；公示基准日 ${report.as_of}`,
    ...table,
    `共 ${errors} 个错误、${warnings} 个警告。`,
  ].join('\n');
}
