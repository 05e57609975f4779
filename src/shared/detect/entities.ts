import type { DetectEntity } from './types';

export interface EntityMention {
  start: number;
  end: number;
  /** The surface as written, without a genitive "s". */
  text: string;
  entity: DetectEntity;
}

export interface EntityIndex {
  find(text: string, from: number, to: number): EntityMention[];
  isEmpty: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const cache = new WeakMap<readonly DetectEntity[], EntityIndex>();

/**
 * One alternation over every name and alias, longest first, so "FC Almental II" wins over
 * "FC Almental". A trailing genitive ("Rotheides", "Almental’s") still counts as a mention.
 */
export function entityIndex(entities: readonly DetectEntity[] | undefined): EntityIndex {
  if (!entities || entities.length === 0) return { find: () => [], isEmpty: true };
  const hit = cache.get(entities);
  if (hit) return hit;
  const bySurface = new Map<string, DetectEntity>();
  for (const e of entities) {
    for (const surface of [e.name, ...e.aliases]) {
      const s = surface.trim();
      if (s.length > 1 && !bySurface.has(s)) bySurface.set(s, e);
    }
  }
  const surfaces = [...bySurface.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${surfaces.map(escape).join('|')})(?:['’]s|['’]|s)?(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const index: EntityIndex = {
    isEmpty: false,
    find(text, from, to) {
      const out: EntityMention[] = [];
      pattern.lastIndex = from;
      for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text)) {
        const end = m.index + m[1].length;
        if (end > to) break;
        out.push({ start: m.index, end, text: m[1], entity: bySurface.get(m[1])! });
      }
      return out;
    },
  };
  cache.set(entities, index);
  return index;
}
