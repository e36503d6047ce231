/**
 * node scripts/compare-builds.ts DIR_A DIR_B
 * Says whether two built sites are byte-identical (exit 0) or lists what differs (exit 1):
 * build the same export as of the same date before and after a change, then compare.
 */
import { compareTrees, identical } from './lib/compare-trees.ts';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/compare-builds.ts DIR_A DIR_B');
  process.exit(64);
}
const d = compareTrees(a, b);
const list = (label: string, paths: string[]) => {
  if (paths.length) console.log(`${label} (${paths.length}):\n${paths.slice(0, 50).map((p) => `  ${p}`).join('\n')}${paths.length > 50 ? '\n  …' : ''}`);
};
list(`only in ${a}`, d.onlyInA);
list(`only in ${b}`, d.onlyInB);
list('different bytes', d.differ);
console.log(identical(d) ? `identical: ${d.files} files` : 'the trees differ');
process.exit(identical(d) ? 0 : 1);
