/**
 * Fetches an export archive over http(s) into the work folder: a time limit per attempt,
 * a size limit (checked against Content-Length and again while streaming), and retries for
 * what may pass (network errors, timeouts, 5xx, 408, 429) — never for a 404 or an oversize file.
 */
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebStream } from 'node:stream/web';

export interface DownloadLimits {
  /** Whole attempt, from request to last byte. */
  timeoutMs: number;
  maxBytes: number;
  /** Attempts after the first. */
  retries: number;
  /** Wait before retry k is k × this. */
  retryDelayMs: number;
}

export class DownloadError extends Error {
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean) {
    super(message);
    this.retryable = retryable;
  }
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

async function attempt(url: string, dest: string, limits: DownloadLimits): Promise<number> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DownloadError(`下载超时（${limits.timeoutMs / 1000} 秒）`, true)), limits.timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    } catch (e) {
      throw controller.signal.aborted ? controller.signal.reason : new DownloadError(`无法连接：${(e as Error).cause ?? (e as Error).message}`, true);
    }
    if (!res.ok || !res.body) {
      throw new DownloadError(`服务器返回 HTTP ${res.status}`, res.status >= 500 || res.status === 408 || res.status === 429);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) throw new DownloadError(`文件大小 ${mb(declared)} 超过上限 ${mb(limits.maxBytes)}`, false);
    let received = 0;
    const guard = new Transform({
      transform(chunk: Buffer, _enc, done) {
        received += chunk.length;
        if (received > limits.maxBytes) done(new DownloadError(`下载超过大小上限 ${mb(limits.maxBytes)}`, false));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(res.body as WebStream<Uint8Array>), guard, createWriteStream(dest), { signal: controller.signal });
    } catch (e) {
      if (e instanceof DownloadError) throw e;
      if (controller.signal.aborted) throw controller.signal.reason;
      throw new DownloadError(`下载中断：${(e as Error).message}`, true);
    }
    return received;
  } finally {
    clearTimeout(timer);
  }
}

/** Downloads url to dest; returns the byte count. Throws DownloadError naming the last failure. */
export async function download(url: string, dest: string, limits: DownloadLimits, log: (line: string) => void = () => {}): Promise<number> {
  for (let k = 0; ; k++) {
    try {
      return await attempt(url, dest, limits);
    } catch (e) {
      await unlink(dest).catch(() => {});
      const err = e instanceof DownloadError ? e : new DownloadError((e as Error).message, false);
      if (!err.retryable || k >= limits.retries) throw new DownloadError(`${err.message}（共尝试 ${k + 1} 次）`, false);
      log(`下载失败：${err.message}；${((k + 1) * limits.retryDelayMs) / 1000} 秒后重试`);
      await new Promise((ok) => setTimeout(ok, (k + 1) * limits.retryDelayMs));
    }
  }
}
