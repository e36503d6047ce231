/**
 * npm run serve -- --out ROOT [--port 4321]   serves ROOT/current (the live release)
 * npm run serve -- --dir DIR [--port 4321]    serves a plain build folder (npm start: dist/)
 * On 127.0.0.1 only, with the content types of scripts/lib/static-server.ts.
 */
import { existsSync } from 'node:fs';
import { parseFlags, UsageError, wholeNumber } from './lib/cli.ts';
import { openReleaseRoot, ReleaseRootError } from '../src/lib/release/release-root.ts';
import { serveStatic } from './lib/static-server.ts';

const USAGE = 'npm run serve -- --out 发布根目录 | --dir 构建目录 [--port 4321]';
try {
  const v = parseFlags(process.argv.slice(2), { out: { type: 'string' }, dir: { type: 'string' }, port: { type: 'string' } }, USAGE);
  if (!v.out === !v.dir) throw new UsageError(`需要 --out 或 --dir 中的一个\n用法：${USAGE}`);
  const root = v.out ? openReleaseRoot(v.out).current : v.dir!;
  if (!existsSync(root)) throw new ReleaseRootError(`${root} 不存在${v.out ? '（还没有发布过版本）' : '（先运行 npm run build）'}`);
  // 0: any free port.
  const port = wholeNumber('port', v.port, 4321, 0, 65535);
  const server = await serveStatic(root, { port }).catch((e: NodeJS.ErrnoException) => {
    const why = e.code === 'EADDRINUSE' ? `端口 ${port} 已被占用（另一个服务，或 astro dev 也用 4321）` : e.code === 'EACCES' ? `没有权限使用端口 ${port}（1024 以下的端口需要管理员权限）` : undefined;
    if (!why) throw e;
    console.error(`${why}：用 --port 换一个端口`);
    process.exit(1);
  });
  console.log(`正在提供 ${root}：${server.origin}/ （Ctrl+C 结束）`);
} catch (e) {
  if (e instanceof UsageError || e instanceof ReleaseRootError) {
    console.error(e.message);
    process.exit(e instanceof UsageError ? 2 : 1);
  }
  throw e;
}
