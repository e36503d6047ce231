/**
 * Where a build reads its export and writes its report (§7): PORTAL_EXPORT (default
 * data/export) and PORTAL_REPORT. No imports, so the build command that only needs these
 * (scripts/build.ts, waiting beside Astro) does not load the pipeline.
 */
export const buildExportDir = () => process.env.PORTAL_EXPORT ?? 'data/export';
export const buildReportPath = () => process.env.PORTAL_REPORT ?? 'reports/build-report.json';
