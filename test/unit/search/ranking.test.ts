import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { ShardedSearch } from '../../../src/lib/search/engine.ts';
import { stateFromUrl } from '../../../src/lib/search/state.ts';
import { indexAndServe, type ServedIndex } from '../support/search-index.ts';
import { tempDir } from '../support/temp-dir.ts';

/** A searchable page as the site writes one: a label, the heading, then its text. */
const page = (kind: string, date: string, heading: string, text: string[], name = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><main><article data-search-body>` +
  `<div hidden data-search-meta data-kind="${kind}" data-title="${heading}" data-region="泰山区" data-date="${date}" data-status=""${name ? ` data-name="${name}"` : ''}></div>` +
  `<p>${kind === 'subjects' ? '信用画像' : '行政处罚信息'}</p><h1>${heading}</h1>${text.map((t) => `<p>${t}</p>`).join('')}</article></main></body></html>`;

let dir = '';
let served: ServedIndex;

before(async () => {
  dir = tempDir('search-ranking-test-');
  const pages: Record<string, string> = {
    // A government's profile lists two hospitals among its units; the hospitals' profiles name them once, in the heading.
    'subjects/A/index.html': page('subjects', '', '泰山区人民政府', ['下属单位：泰山区第一医院', '泰山区中医医院'], '泰山区人民政府'),
    'subjects/B/index.html': page('subjects', '', '泰山区第一医院', ['市直 · 事业单位'], '泰山区第一医院'),
    'subjects/C/index.html': page('subjects', '', '泰山区中医医院', ['市直 · 事业单位'], '泰山区中医医院'),
    // Two records: the older names 医院 in its title, the newer twice in its text.
    'penalties/1/index.html': page('penalties', '2026-01-02', '某药店：罚款', ['检查时发现向医院供货的记录不全', '医院回函']),
    'penalties/2/index.html': page('penalties', '2026-01-01', '某医院：警告', ['未按规定公示收费项目']),
  };
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  served = await indexAndServe(dir, 10);
});

after(() => served?.close());

async function urls(address: string): Promise<string[]> {
  const started = await new ShardedSearch(`${dir}/search-index/`).start(stateFromUrl(address));
  assert.ok(started, address);
  return (await started.cursor.next()).map((r) => r.url);
}

test("by relevance, a page whose heading holds the query ranks above one whose text holds it more often", async () => {
  // Profiles first (their shard comes first), then records. Worked out from relevance() over the
  // pages' tokens (label, heading, text, a gap after each block): the government's profile, 33
  // tokens with 医院 twice, scores 1.250; each hospital's, 20 tokens with 医院 once in its heading,
  // 1.079 counted once (so the government's came first) and 1.634 counted three times. Between
  // the records, 34 tokens with 2 matches score 1.311 against 24 tokens with one in the heading,
  // 1.076 counted once, 1.632 three times.
  assert.deepEqual(await urls('?q=医院'), ['/subjects/B/', '/subjects/C/', '/subjects/A/', '/penalties/2/', '/penalties/1/']);
  // By date the heading changes nothing: records (newest first, then by address), then profiles.
  assert.deepEqual(await urls('?q=医院&sort=date'), ['/penalties/1/', '/penalties/2/', '/subjects/A/', '/subjects/B/', '/subjects/C/']);
});
