import type { APIRoute } from 'astro';
import { buildUpdates } from '../../lib/release/updates.ts';

/** Every release that changed something, newest first (the next release reads it back). */
export const GET: APIRoute = () => new Response(JSON.stringify(buildUpdates()?.history ?? [], null, 1) + '\n', { headers: { 'content-type': 'application/json; charset=utf-8' } });
