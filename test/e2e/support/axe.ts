/**
 * The one axe run of the e2e tests: WCAG 2.2 A and AA, plus axe's best practices (every part
 * of a page inside a landmark, landmarks told apart by name, one main, headings in order),
 * which a screen reader's landmark and heading lists depend on. A violation reads as its rule
 * and the elements it found.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
