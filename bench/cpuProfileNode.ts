/**
 * CPU profiles of this Node process for the benches' `--profile` option (bench/cpuProfile.ts
 * profiles a page): the inspector's sampling profiler around one phase, the .cpuprofile written
 * (opens in Chromium's DevTools) and the functions with the most self and inclusive time printed.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface RunningNodeProfile {
  /** Stops, writes `file` and prints the top `rows` functions by self and by inclusive time. */
  stop(file: string, label: string, rows?: number): Promise<void>;
}

export async function startNodeProfile(): Promise<RunningNodeProfile> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return {
    async stop(file, label, rows = 25) {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
      session.disconnect();
      fs.writeFileSync(file, JSON.stringify(profile));
      console.log(`CPU profile of ${label} written to ${file}`);
      printSummary(profile, rows);
    },
  };
}

function printSummary(profile: CpuProfile, rows: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => {
    const file = n.callFrame.url.split('/').slice(-2).join('/');
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  profile.samples.forEach((sample, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(sample)!;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
    // A recursive function counts once per sample.
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const key = name(byId.get(id)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .map(([f, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${f}`)
      .join('\n');
  console.log(`Self time:\n${top(self)}\nInclusive time:\n${top(inclusive)}`);
}
