/**
 * Stage marks of one build, for `npm run bench` (scripts/bench/build.ts): with
 * PORTAL_BUILD_TIMINGS=file.jsonl set, every integration hook's start and end is appended to
 * that file as `{ "name": "<integration> <hook> start|end", "at": epoch ms }`, and the content
 * loader marks the validation. Without the variable nothing is wrapped or written, so a normal
 * build runs exactly the integrations it was given.
 */
import { appendFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

const target = process.env.PORTAL_BUILD_TIMINGS;

/** The hooks of a static build, in the order Astro runs them. */
const BUILD_HOOKS = ['astro:config:setup', 'astro:config:done', 'astro:build:start', 'astro:build:setup', 'astro:build:generated', 'astro:build:done'] as const;

export function mark(name: string): void {
  // Synchronous and rare (a few dozen marks per build), so it cannot reorder or lose marks.
  if (target) appendFileSync(target, `${JSON.stringify({ name, at: performance.timeOrigin + performance.now() })}\n`);
}

type Hook = (...args: unknown[]) => unknown;

function wrap(integration: AstroIntegration): AstroIntegration {
  const hooks = Object.entries(integration.hooks).map(([hook, fn]) => [
    hook,
    async (...args: unknown[]) => {
      mark(`${integration.name} ${hook} start`);
      try {
        return await (fn as Hook)(...args);
      } finally {
        mark(`${integration.name} ${hook} end`);
      }
    },
  ]);
  return { ...integration, hooks: Object.fromEntries(hooks) };
}

/** A hook-less integration named `marker`: marks every build hook even when no other integration has it. */
const marker = (name: string): AstroIntegration => ({ name, hooks: Object.fromEntries(BUILD_HOOKS.map((hook) => [hook, () => {}])) });

/** The integrations, timed when PORTAL_BUILD_TIMINGS is set (first and last a bare marker). */
export function timedIntegrations(integrations: AstroIntegration[]): AstroIntegration[] {
  if (!target) return integrations;
  return [marker('portal-timings-first'), ...integrations, marker('portal-timings-last')].map(wrap);
}
