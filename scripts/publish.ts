/**
 * The daily rebuild-and-swap: builds into a fresh folder and only then swaps it in, so a
 * bad export (or any failed build) leaves the site that is being served exactly as it was.
 * npm run publish  (PORTAL_EXPORT, PORTAL_AS_OF as for the build; PORTAL_SITE_DIR, default dist)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';

const site = process.env.PORTAL_SITE_DIR ?? 'dist';
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const next = `${site}.next-${stamp}`;

const build = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, PORTAL_OUT_DIR: next, ASTRO_TELEMETRY_DISABLED: '1' } });
if (build.status !== 0) {
  console.error(`构建失败，正在提供的网站 ${site}/ 保持不变。未完成的输出留在 ${next}/ 以便排查。`);
  process.exit(build.status ?? 1);
}
// Old output is moved aside, not deleted: deleting many files slows this disk for minutes.
if (existsSync(site)) renameSync(site, `${site}.previous-${stamp}`);
renameSync(next, site);
console.log(`已发布：${site}/（上一版本移至 ${site}.previous-${stamp}/）`);
