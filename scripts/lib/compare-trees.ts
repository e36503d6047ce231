/**
 * Compares two built sites file by file, byte for byte: what a speed-up of the build must
 * leave unchanged. Used by scripts/compare-builds.ts and the e2e test of parallel rendering.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface TreeDifference {
  onlyInA: string[];
  onlyInB: string[];
  /** Files in both whose bytes differ. */
  differ: string[];
  /** Files compared. */
  files: number;
}

function files(root: string): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.add(relative(root, path));
    }
  };
  walk(root);
  return out;
}

export function compareTrees(a: string, b: string): TreeDifference {
  const inA = files(a);
  const inB = files(b);
  const differ: string[] = [];
  for (const path of inA) if (inB.has(path) && !readFileSync(join(a, path)).equals(readFileSync(join(b, path)))) differ.push(path);
  return {
    onlyInA: [...inA].filter((p) => !inB.has(p)).sort(),
    onlyInB: [...inB].filter((p) => !inA.has(p)).sort(),
    differ: differ.sort(),
    files: inA.size,
  };
}

export const identical = (d: TreeDifference) => d.onlyInA.length === 0 && d.onlyInB.length === 0 && d.differ.length === 0;
