import type { APIRoute } from 'astro';
import { buildUpdates, noPreviousRelease } from '../lib/release/updates.ts';
import { site } from '../site/store.ts';

/** This release against the one it replaced (`previous: null` when there was none). */
export const GET: APIRoute = async () => {
  const { exportInfo } = await site();
  const changes = buildUpdates()?.changes ?? noPreviousRelease(exportInfo.asOf, exportInfo.exportedAt);
  return new Response(JSON.stringify(changes, null, 1) + '\n', { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
