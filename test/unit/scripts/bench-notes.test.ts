import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unreadWhileRendering } from '../../../scripts/lib/bench-notes.ts';
import { READ_WHILE_RENDERING, readWhileRenderingLine } from '../../../src/integrations/page-scan.ts';

const run = (pages: number, read: number, leftForMemory = 0) => ({ pages, readWhileRendering: { pages: read, leftForMemory } });

test('the bench notes each full build whose page-reading thread stopped because its heap filled, not one that fell behind', () => {
  const notes = unreadWhileRendering([
    { records: 20_000, runs: [run(28_979, 28_979), run(28_979, 13_375, 15_604)] },
    // Behind by a fifth (the cores were busy), nothing left for memory: not noted.
    { records: 100_000, runs: [run(144_780, 111_374), run(144_781, 144_770, 1)] },
  ]);
  assert.deepEqual(notes, [
    "20000 records run 2: the page-reading thread's heap filled after 13375 of 28979 pages; files left to the steps after Astro: 15604",
    "100000 records run 2: the page-reading thread's heap filled after 144770 of 144781 pages; files left to the steps after Astro: 1",
  ]);
});

test('the build log line on the pages read while Astro rendered reads back as written', () => {
  const fields = (line: string) => READ_WHILE_RENDERING.exec(line)?.slice(1).map((f) => Number(f ?? 0));
  assert.deepEqual(fields(readWhileRenderingLine(29_000, 24_349, 24_253, 0, 0)), [29_000, 24_349, 24_253, 0, 0]);
  assert.deepEqual(fields(readWhileRenderingLine(29_000, 13_375, 13_300, 2, 0)), [29_000, 13_375, 13_300, 2, 0]);
  assert.deepEqual(fields(readWhileRenderingLine(29_000, 13_375, 13_300, 0, 15_604)), [29_000, 13_375, 13_300, 0, 15_604]);
  assert.deepEqual(fields(readWhileRenderingLine(29_000, 13_375, 13_300, 2, 15_604)), [29_000, 13_375, 13_300, 2, 15_604]);
});
