/**
 * One dimension made ready for computation: codes indexed, leaves found, and for every code the set
 * of codes it rolls up into across all its hierarchies (itself included). Non-nested hierarchies
 * need nothing special: a department simply has two parents.
 */
import type { Code, DimensionSpec } from './types.ts';

export interface DimensionIndex {
  name: string;
  total: Code;
  /** total first, then intermediate codes (hierarchy by hierarchy), then leaves, each sorted */
  codes: Code[];
  index: Map<Code, number>;
  isLeaf: boolean[];
  /** code index → indices of itself and every code above it, in every hierarchy */
  ancestors: number[][];
}

export function indexDimension(spec: DimensionSpec): DimensionIndex {
  const parents = new Map<Code, Set<Code>>();
  const seen: Code[] = [];
  const note = (c: Code) => {
    if (!parents.has(c)) {
      parents.set(c, new Set());
      seen.push(c);
    }
  };
  note(spec.total);
  for (const hierarchy of Object.values(spec.hierarchies)) {
    for (const [child, parent] of Object.entries(hierarchy)) {
      note(child);
      note(parent);
      parents.get(child)!.add(parent);
    }
  }
  const isParent = new Set<Code>();
  for (const set of parents.values()) for (const p of set) isParent.add(p);
  // JSON objects list integer-like keys ("26") before others ("01"): sort, so the order is the codes'
  const byCode = (a: Code, b: Code) => (a < b ? -1 : a > b ? 1 : 0);
  const leaves = seen.filter((c) => !isParent.has(c) && c !== spec.total).sort(byCode);
  const middle = Object.values(spec.hierarchies).flatMap((h) => [...new Set(Object.values(h))].filter((c) => c !== spec.total).sort(byCode));
  const middleOnce = [...new Set(middle)];
  const codes = [spec.total, ...middleOnce, ...leaves];
  // a dimension without any hierarchy entry has only its total, which is then its single leaf
  const index = new Map(codes.map((c, i) => [c, i]));
  const isLeaf = codes.map((c) => !isParent.has(c) && (c !== spec.total || codes.length === 1));
  const ancestors = codes.map((c) => {
    const out = new Set<number>();
    const stack = [c];
    while (stack.length > 0) {
      const x = stack.pop()!;
      const i = index.get(x)!;
      if (out.has(i)) continue;
      out.add(i);
      for (const p of parents.get(x) ?? []) stack.push(p);
    }
    return [...out].sort((a, b) => a - b);
  });
  return { name: spec.name, total: spec.total, codes, index, isLeaf, ancestors };
}
