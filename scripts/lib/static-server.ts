/**
 * The one static file server of the project, on 127.0.0.1: `npm run serve`, the e2e tests and
 * the search benchmark. Directory URLs serve their index.html; a directory's URL without its
 * trailing slash is redirected to it (301, the query kept), as static hosts do, so a link typed
 * as /commitments reaches the list; unknown paths get 404.html. The root is resolved on every
 * request, so a `current` symlink switched meanwhile is followed.
 * `onResponse` receives the body size of every response sent (the benchmark counts bytes).
 */
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.gz': 'application/gzip',
  '.webmanifest': 'application/manifest+json',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  port?: number;
  onResponse?: (bytes: number) => void;
}

/** The file a path serves, or `'slash'` when it names a directory with an index but lacks its trailing slash. */
function fileFor(root: string, pathname: string): string | 'slash' | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    const st = statSync(path);
    if (st.isFile()) return path;
    if (st.isDirectory()) {
      const index = join(path, 'index.html');
      if (statSync(index).isFile()) return pathname.endsWith('/') ? index : 'slash';
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export async function serveStatic(root: string, { port = 0, onResponse }: ServeOptions = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    let base: string;
    try {
      base = realpathSync(root);
    } catch {
      res.writeHead(503, { 'content-type': CONTENT_TYPES['.txt']! }).end('网站暂时无法访问（site not available）\n');
      return;
    }
    const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
    const found = fileFor(base, pathname);
    if (found === 'slash') {
      // One leading slash: //host/ would send the browser to another host.
      res.writeHead(301, { location: `${pathname.replace(/^\/+/, '/')}/${search}` }).end();
      onResponse?.(0);
      return;
    }
    const file = found;
    const notFound = file ? undefined : fileFor(base, '/404.html');
    const send = file ?? (notFound === 'slash' ? undefined : notFound);
    if (!send) {
      res.writeHead(404, { 'content-type': CONTENT_TYPES['.txt']! }).end('404');
      onResponse?.(3);
      return;
    }
    const size = statSync(send).size;
    res.writeHead(file ? 200 : 404, { 'content-type': CONTENT_TYPES[extname(send).toLowerCase()] ?? 'application/octet-stream', 'content-length': size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(send)
      .pipe(res)
      .on('finish', () => onResponse?.(size));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const { port: bound } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${bound}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
