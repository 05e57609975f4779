/**
 * CPU profiles of a page for the benches' `--profile` option: start the sampling profiler (and,
 * optionally, a timeline trace for style/layout/paint, which the JavaScript profile does not
 * show), stop it, write the .cpuprofile (opens in Chromium's DevTools) and print where the time
 * went — self time per function and inclusive time per function.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid?: number;
  args?: { data?: { url?: string; functionName?: string } };
}

export interface RunningProfile {
  /**
   * Stops, writes `file`, prints a summary with times divided by `per` (e.g. per keystroke). With
   * `untilMark` (the name of a `performance.mark` the page set; needs `trace`), the summary counts
   * only what ran before the mark — e.g. up to the moment a cold-started page became editable.
   */
  stop(file: string, label: string, per?: { count: number; unit: string }, untilMark?: string): Promise<void>;
}

export async function startCpuProfile(
  page: Page,
  { trace = false }: { trace?: boolean } = {},
): Promise<RunningProfile> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const browser = page.context().browser()!;
  if (trace)
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
    });
  return {
    async stop(file, label, per = { count: 1, unit: 'total' }, untilMark) {
      let events = trace
        ? (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents
        : [];
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await cdp.detach();
      // The profiler and the trace share Chromium's monotonic clock (microseconds), so one cut serves both.
      const cut = untilMark ? events.find((e) => e.name === untilMark)?.ts : undefined;
      if (cut !== undefined) {
        events = events.filter((e) => e.ts + (e.dur ?? 0) <= cut);
        let at = profile.startTime;
        const kept = profile.samples.map((_, i) => (at += profile.timeDeltas[i] ?? 0) <= cut);
        profile.samples = profile.samples.filter((_, i) => kept[i]);
        profile.timeDeltas = profile.timeDeltas.filter((_, i) => kept[i]);
        profile.endTime = Math.min(profile.endTime, cut);
        label += ` up to ${untilMark}`;
        printTasks(events, cut, events.find((e) => e.name === untilMark)?.tid);
      }
      // Written after the cut, so that DevTools shows the same stretch as the summary.
      fs.writeFileSync(file, JSON.stringify(profile));
      printSummary(profile, events, file, label, per);
    },
  };
}

/** The main thread's long tasks before `cut`, in order: when, how long, and what the trace says they were. */
function printTasks(events: TraceEvent[], cut: number, tid: number | undefined): void {
  const main = events.filter((e) => e.tid === tid && e.ph === 'X' && e.dur);
  const start = events.find((e) => e.name === 'navigationStart' && e.tid === tid)?.ts ?? main[0]?.ts ?? cut;
  console.log(
    `Main-thread tasks over 8 ms before the mark (${((cut - start) / 1000).toFixed(0)} ms after navigation start):`,
  );
  for (const task of main.filter((e) => e.name === 'RunTask' && e.dur! > 8000)) {
    const inner = main
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && e.dur! > 3000)
      .filter((e) => e.name !== 'RunTask')
      .slice(0, 4)
      .map((e) => {
        const what = e.args?.data?.url?.split('/').pop() || e.args?.data?.functionName || '';
        return `${e.name}${what ? ` ${what}` : ''} ${(e.dur! / 1000).toFixed(0)}`;
      });
    console.log(
      `  ${((task.ts - start) / 1000).toFixed(0).padStart(6)} ms  ${(task.dur! / 1000).toFixed(0).padStart(5)} ms  ${inner.join(', ')}`,
    );
  }
}

const frameKey = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;

function printSummary(
  profile: CpuProfile,
  events: TraceEvent[],
  file: string,
  label: string,
  per: { count: number; unit: string },
): void {
  const scale = (us: number) =>
    `${(us / 1000 / per.count).toFixed(per.count === 1 ? 0 : 3).padStart(8)} ms${per.count === 1 ? '' : `/${per.unit}`}`;
  if (events.length > 0) {
    const phases = new Map<string, number>();
    for (const e of events) if (e.ph === 'X' && e.dur) phases.set(e.name, (phases.get(e.name) ?? 0) + e.dur);
    console.log(`${label}: trace, total duration per event (nested events overlap their parents):`);
    for (const [name, us] of [...phases].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(`  ${scale(us)}  ${name}`);
  }
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfByFunction = new Map<string, number>();
  const totalByFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') continue;
    selfByFunction.set(frameKey(node), (selfByFunction.get(frameKey(node)) ?? 0) + us);
    // Inclusive time: every distinct function on the sample's stack gets the sample once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = frameKey(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      totalByFunction.set(key, (totalByFunction.get(key) ?? 0) + us);
    }
  }
  const busy = [...selfByFunction.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${label}: CPU profile written to ${file}; ${scale(busy)} of script and runtime time in all. Most self time:`,
  );
  for (const [key, us] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${scale(us)}  ${key}`);
  console.log(`${label}: most inclusive time (a function and what it calls):`);
  const skip = /^\((root|anonymous)\) |^(\(garbage collector\)|\(root\)) /;
  for (const [key, us] of [...totalByFunction]
    .filter(([k]) => !skip.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30))
    console.log(`  ${scale(us)}  ${key}`);
  console.log('');
}
