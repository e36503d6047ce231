import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unreadWhileRendering } from '../../../scripts/lib/bench-notes.ts';

const run = (pages: number, read: number) => ({ pages, readWhileRendering: { pages: read } });

test('the bench notes each full build with more than 1 % of its pages not read while Astro rendered', () => {
  const notes = unreadWhileRendering([
    { records: 20_000, runs: [run(28_979, 28_979), run(28_979, 13_375)] },
    { records: 100_000, runs: [run(144_780, 125_072), run(144_781, 144_780)] },
    // 1 % of 28,979 is 289.79: 289 pages left is not over it, 290 is.
    { records: 20_000, runs: [run(28_979, 28_690), run(28_979, 28_689)] },
    { records: 2_000, runs: [run(2_976, 2_976)] },
  ]);
  assert.deepEqual(notes, [
    '20000 records run 2: 13375 of 28979 pages read while Astro rendered; the rest after it',
    '100000 records run 1: 125072 of 144780 pages read while Astro rendered; the rest after it',
    '20000 records run 2: 28689 of 28979 pages read while Astro rendered; the rest after it',
  ]);
});
