// Reading Chromium's "toplevel" trace: every task a thread ran, with its duration. The longest task
// of the page's main thread (CrRendererMain) is what blocks input; the busy time of the Worker
// threads says how much work moved off it (and is not slowed by CDP's CPU throttling, which only
// slows the main thread).

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds on the trace clock. */
  ts: number;
  /** Microseconds, for complete ('X') events. */
  dur?: number;
  /** Microseconds the thread ran on a CPU during the event (its wall time, dur, also counts the time it waited for one). */
  tdur?: number;
  args?: { name?: string };
}

/**
 * Reads a trace stream chunk by chunk and keeps thread names and task events, or, with `detail`,
 * every complete event (what happened inside the tasks). A first sync's trace is larger than the
 * longest string V8 makes (512 MiB), so events are cut out of the bytes one at a time.
 */
export async function readTrace(read: () => Promise<{ data: Buffer; eof: boolean }>, detail = false): Promise<TraceEvent[]> {
  const parser = new TraceStreamParser((bytes) => detail || bytes.includes(RUN_TASK) || bytes.includes(THREAD_NAME));
  for (;;) {
    const chunk = await read();
    parser.push(chunk.data);
    if (chunk.eof) break;
  }
  return parser.events.filter((e) => (e.ph === 'M' && e.name === 'thread_name') || (e.ph === 'X' && (detail || TASK_NAMES.has(e.name))));
}

const RUN_TASK = Buffer.from('RunTask');
const THREAD_NAME = Buffer.from('thread_name');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * Cuts the events out of a JSON trace ({"traceEvents":[…]} or a bare […]) as its bytes arrive: the
 * objects whose container is the events array. Works on bytes: no byte of a multi-byte UTF-8
 * character equals a quote, a backslash or a bracket. `wanted` sees an event's bytes before it is
 * parsed, so that the millions of events of no interest cost a scan, not a JSON.parse.
 */
export class TraceStreamParser {
  readonly events: TraceEvent[] = [];
  /** Container types from the root: '{' or '['. */
  private readonly stack: number[] = [];
  private inString = false;
  private escaped = false;
  /** Bytes of the event being read (from its '{'), across chunks. */
  private pending: Buffer[] = [];
  private eventDepth = -1;

  constructor(private readonly wanted: (bytes: Buffer) => boolean = () => true) {}

  push(chunk: Buffer): void {
    let start = this.eventDepth >= 0 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
        continue;
      }
      if (byte === QUOTE) this.inString = true;
      else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (byte === OPEN_OBJECT && this.eventDepth < 0 && this.isEventsArray()) {
          this.eventDepth = this.stack.length;
          start = i;
        }
        this.stack.push(byte);
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        this.stack.pop();
        if (this.eventDepth >= 0 && this.stack.length === this.eventDepth) {
          this.pending.push(chunk.subarray(start, i + 1));
          const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
          if (this.wanted(bytes)) this.events.push(JSON.parse(bytes.toString('utf8')) as TraceEvent);
          this.pending = [];
          this.eventDepth = -1;
          start = -1;
        }
      }
    }
    // The event continues in the next chunk: keep a copy of its beginning.
    if (this.eventDepth >= 0 && start >= 0) this.pending.push(Buffer.from(chunk.subarray(start)));
  }

  /** Inside the array of events: a bare array at the root, or an array right inside the root object. */
  private isEventsArray(): boolean {
    const n = this.stack.length;
    if (n === 1) return this.stack[0] === OPEN_ARRAY;
    return n === 2 && this.stack[0] === OPEN_OBJECT && this.stack[1] === OPEN_ARRAY;
  }
}

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

export interface TaskSummary {
  /** Longest task of a page main thread (ms). */
  longestMainTaskMs: number;
  /**
   * The longest main-thread tasks, longest first: when they started (ms after `fromUs`), how long
   * they lasted, and how much of that the thread ran on a CPU (NaN when the trace does not say): a
   * task far longer than its CPU time waited for a core the Workers, the server or the browser had.
   */
  longestMainTasks: { startMs: number; durMs: number; cpuMs: number }[];
  /** Time the page main thread spent in tasks (ms). */
  mainBusyMs: number;
  /** Time the dedicated Worker threads spent in tasks, all together (ms). */
  workerBusyMs: number;
  /** Main-thread tasks over 50 ms (the "long task" threshold). */
  mainLongTasks: number;
}

/** Task figures over the events whose start lies in [fromUs, toUs] (the whole trace by default). */
export function summariseTasks(events: readonly TraceEvent[], fromUs = -Infinity, toUs = Infinity): TaskSummary {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.args?.name !== undefined) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const main: { ts: number; dur: number; tdur?: number }[] = [];
  const byWorker = new Map<string, { ts: number; dur: number }[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || e.ts < fromUs || e.ts > toUs) continue;
    const key = `${e.pid}:${e.tid}`;
    const thread = threadNames.get(key) ?? '';
    if (thread === 'CrRendererMain' && e.name === 'ThreadControllerImpl::RunTask') main.push({ ts: e.ts, dur: e.dur, tdur: e.tdur });
    else if (thread.startsWith('DedicatedWorker')) {
      const list = byWorker.get(key) ?? [];
      list.push({ ts: e.ts, dur: e.dur });
      byWorker.set(key, list);
    }
  }
  const start = Number.isFinite(fromUs) ? fromUs : main.reduce((min, t) => Math.min(min, t.ts), Infinity);
  const longest = [...main].sort((a, b) => b.dur - a.dur).slice(0, 5);
  let workerBusy = 0;
  for (const list of byWorker.values()) workerBusy += unionLength(list);
  return {
    longestMainTaskMs: (longest[0]?.dur ?? 0) / 1000,
    longestMainTasks: longest.map((t) => ({ startMs: (t.ts - start) / 1000, durMs: t.dur / 1000, cpuMs: t.tdur === undefined ? NaN : t.tdur / 1000 })),
    mainBusyMs: unionLength(main) / 1000,
    workerBusyMs: workerBusy / 1000,
    mainLongTasks: main.filter((t) => t.dur > 50_000).length,
  };
}

/**
 * The events of the page main thread's `count` longest tasks and of what ran inside them, with the
 * thread names: the part of a first sync's trace worth keeping to read those tasks afterwards (the
 * whole trace, with detail, holds millions of events).
 */
export function longestTaskEvents(events: readonly TraceEvent[], count = 5): TraceEvent[] {
  const mains = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const onMain = (e: TraceEvent) => mains.has(`${e.pid}:${e.tid}`);
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur !== undefined && onMain(e))
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, count);
  const within = (e: TraceEvent) => tasks.some((t) => e.ts >= t.ts && e.ts <= t.ts + t.dur!);
  return events.filter((e) => (e.ph === 'M' && e.name === 'thread_name') || (e.ph === 'X' && onMain(e) && within(e)));
}

/** Total length of a set of intervals, nested or overlapping ones counted once. */
export function unionLength(intervals: readonly { ts: number; dur: number }[]): number {
  const sorted = [...intervals].sort((a, b) => a.ts - b.ts);
  let total = 0;
  let end = -Infinity;
  for (const { ts, dur } of sorted) {
    const stop = ts + dur;
    if (stop <= end) continue;
    total += stop - Math.max(ts, end);
    end = stop;
  }
  return total;
}

/**
 * Self time per event name on the page main thread (ms, largest first): with the devtools.timeline
 * categories, what the main thread's busy time was spent on (script, layout, style, messages…).
 */
export function mainThreadBreakdown(events: readonly TraceEvent[], top = 12): { name: string; ms: number }[] {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.args?.name !== undefined) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || threadNames.get(key) !== 'CrRendererMain') continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const self = new Map<string, number>();
  for (const list of byThread.values()) {
    // Parents before children: by start, then longest first.
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { end: number; name: string }[] = [];
    for (const e of list) {
      while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent !== undefined) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
      stack.push({ end: e.ts + e.dur!, name: e.name });
    }
  }
  return [...self.entries()]
    .map(([name, us]) => ({ name, ms: us / 1000 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
