// BENCH_FIELD_PROFILE=1: where the time goes during one step (the first sync, a warm start, the
// file openings): V8 CPU profiles of the page and its Workers, and what the main thread's tasks
// were made of (Chromium's devtools.timeline events). Profiling slows what it watches: figures of a
// profiled run are for reading, not for the table.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { note } from '../report.ts';
import type { Device } from './device.ts';
import { WEB_DIST } from '../../../e2e/src/harness/paths.ts';
import { Profiles, type Locate } from './profile.ts';
import { BuiltApp } from './sourcemap.ts';
import { mainThreadBreakdown, summariseTasks, type TaskSummary, type TraceEvent } from './trace.ts';

export const PROFILING = process.env.BENCH_FIELD_PROFILE === '1';

const built = new BuiltApp(WEB_DIST);
/** Minified positions of the built app back to source files, through Vite's source maps. */
export const locateInApp: Locate = (url, line, column) => built.describe(url, line, column);

export function printProfiles(results: { thread: string; file: string; top: { what: string; ms: number }[] }[], step: string): void {
  for (const p of results) {
    note(`field: CPU profile of the ${p.thread} during ${step} (${p.file}), most self time:`);
    for (const t of p.top) note(`    ${t.ms.toFixed(0).padStart(7)} ms  ${t.what}`);
  }
}

export function printBreakdown(events: readonly TraceEvent[], step: string): void {
  note(`field: main thread during ${step}, self time by trace event:`);
  for (const e of mainThreadBreakdown(events)) note(`    ${e.ms.toFixed(0).padStart(7)} ms  ${e.name}`);
}

/** Starts profiling `device` (a trace with detail and CPU profiles); the returned function stops and prints. */
export async function diagnose(device: Device, dir: string, label: string, step: string): Promise<() => Promise<TaskSummary>> {
  await device.startTrace(true);
  const profiles = new Profiles(device, locateInApp);
  await profiles.start();
  return async () => {
    printProfiles(await profiles.stop(dir, label), step);
    const events = await device.stopTrace();
    writeFileSync(join(dir, `${label}.trace.json`), JSON.stringify(events));
    printBreakdown(events, step);
    return summariseTasks(events);
  };
}
