/**
 * Where a build reads its export and writes its site and report (§7): PORTAL_EXPORT (default
 * data/export), PORTAL_OUT_DIR and PORTAL_REPORT. No imports, so the build command that only needs these
 * (scripts/build.ts, waiting beside Astro) does not load the pipeline.
 */
export const buildExportDir = () => process.env.PORTAL_EXPORT ?? 'data/export';
/** The folder a build writes the site into: PORTAL_OUT_DIR (tests and the daily rebuild build into a folder of their own), default dist. */
export const buildOutDir = () => process.env.PORTAL_OUT_DIR ?? 'dist';
export const buildReportPath = () => process.env.PORTAL_REPORT ?? 'reports/build-report.json';
