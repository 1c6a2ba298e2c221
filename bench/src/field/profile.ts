// Where the time goes (BENCH_FIELD_PROFILE=1): V8 CPU profiles of the page and of each Worker
// during the first sync, written as .cpuprofile files (open them in Chrome DevTools) and summarised
// as the functions with the most self time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Device } from './device.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  hitCount?: number;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  what: string;
  ms: number;
}

/** Where a built chunk's position comes from (source file and line), when a source map says so. */
export type Locate = (url: string, line: number, column: number) => string | undefined;

/** Self time per function (ms), largest first; idle, program and GC kept apart by name. */
export function selfTimes(profile: CpuProfile, top = 15, locate: Locate = () => undefined): SelfTime[] {
  const byNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each sample's time is the delta to the next sample.
  for (let i = 0; i < samples.length; i++) {
    const next = deltas[i + 1] ?? 0;
    byNode.set(samples[i]!, (byNode.get(samples[i]!) ?? 0) + next);
  }
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber, columnNumber = 0 } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const where = file === '' ? '' : (locate(url, lineNumber, columnNumber) ?? `${file}:${lineNumber + 1}`);
    const what = where === '' ? functionName || '(anonymous)' : `${functionName || '(anonymous)'} ${where}`;
    byFunction.set(what, (byFunction.get(what) ?? 0) + us);
  }
  return [...byFunction.entries()]
    .map(([what, us]) => ({ what, ms: us / 1000 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}

export class Profiles {
  private workerSessions: { sessionId: string; url: string }[] = [];
  private running = false;

  constructor(
    private readonly device: Device,
    private readonly locate: Locate = () => undefined,
  ) {
    // Workers started after the profiling began (the data Worker starts at login) are profiled too.
    device.workers.onAttach((worker) => {
      if (this.running) void this.startWorker(worker.sessionId, worker.url);
    });
  }

  async start(): Promise<void> {
    this.running = true;
    this.workerSessions = [];
    await this.device.cdp.send('Profiler.enable');
    await this.device.cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await this.device.cdp.send('Profiler.start');
    for (const worker of this.device.workers.list()) await this.startWorker(worker.sessionId, worker.url);
  }

  private async startWorker(sessionId: string, url: string): Promise<void> {
    try {
      await this.device.workers.send(sessionId, 'Profiler.enable');
      await this.device.workers.send(sessionId, 'Profiler.setSamplingInterval', { interval: 1000 });
      await this.device.workers.send(sessionId, 'Profiler.start');
      this.workerSessions.push({ sessionId, url });
    } catch {
      // A Worker that ended meanwhile.
    }
  }

  /** Stops every profile, writes them under `dir` and returns each thread's top self times. */
  async stop(dir: string, label: string): Promise<{ thread: string; file: string; top: SelfTime[] }[]> {
    this.running = false;
    const out: { thread: string; file: string; top: SelfTime[] }[] = [];
    const page = (await this.device.cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
    out.push(save(dir, `${label}-page`, 'page', page, this.locate));
    for (const [i, { sessionId, url }] of this.workerSessions.entries()) {
      try {
        const { profile } = await this.device.workers.send<{ profile: CpuProfile }>(sessionId, 'Profiler.stop', {}, 120_000);
        out.push(save(dir, `${label}-worker${i}`, `worker ${url.split('/').pop() ?? i}`, profile, this.locate));
      } catch {
        // The Worker ended: its profile went with it.
      }
    }
    return out;
  }
}

function save(dir: string, name: string, thread: string, profile: CpuProfile, locate: Locate): { thread: string; file: string; top: SelfTime[] } {
  const file = join(dir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return { thread, file, top: selfTimes(profile, 20, locate) };
}
