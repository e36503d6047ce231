/**
 * npm run rollback -- --out ROOT
 * Points ROOT/current back at the release before it (src/lib/release/release-root.ts), or, when
 * the release it points at is gone, at the newest kept one.
 * Exit 0: rolled back; 1: nothing to roll back to or not a release root; 2: usage error.
 */
import { parseFlags, UsageError } from './lib/cli.ts';
import { lockRoot, openReleaseRoot, ReleaseRootError, rollback } from '../src/lib/release/release-root.ts';

const USAGE = 'npm run rollback -- --out 发布根目录';
try {
  const { out } = parseFlags(process.argv.slice(2), { out: { type: 'string' } }, USAGE);
  if (!out) throw new UsageError(`缺少 --out（发布根目录）\n用法：${USAGE}`);
  const root = openReleaseRoot(out);
  const unlock = await lockRoot(root);
  try {
    const { from, to, missing } = await rollback(root);
    console.log(missing ? `[rollback] ${root.current} 指向的版本 ${from} 不存在，已改为指向保留的最新版本 ${to}` : `[rollback] ${root.current}：${from} → ${to}（${from} 已标记为回滚过的版本，以后不会再回滚到它）`);
  } finally {
    await unlock();
  }
} catch (e) {
  if (e instanceof UsageError) {
    console.error(e.message);
    process.exit(2);
  }
  if (e instanceof ReleaseRootError) {
    console.error(`[rollback] ${e.message}`);
    process.exit(1);
  }
  throw e;
}
