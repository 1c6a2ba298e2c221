import { describe, expect, it } from 'vitest';
import { longestTaskEvents, mainThreadBreakdown, readTrace, summariseTasks, TraceStreamParser, unionLength, type TraceEvent } from './trace.ts';

const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const task = (pid: number, tid: number, ts: number, dur: number, name = 'ThreadControllerImpl::RunTask'): TraceEvent => ({ name, ph: 'X', pid, tid, ts, dur });

describe('trace', () => {
  it('keeps the longest main-thread tasks with what ran inside them, and the thread names', () => {
    const inside = { ...task(1, 1, 2_010_000, 5_000), name: 'Layout' };
    const events = [
      meta(1, 1, 'CrRendererMain'),
      meta(1, 2, 'DedicatedWorker thread'),
      task(1, 1, 1_000_000, 30_000),
      task(1, 1, 2_000_000, 120_000),
      inside,
      task(1, 1, 3_000_000, 60_000),
      task(1, 2, 2_000_000, 500_000),
    ];
    const kept = longestTaskEvents(events, 1);
    expect(kept.filter((e) => e.ph === 'M')).toHaveLength(2);
    expect(kept.filter((e) => e.ph === 'X')).toEqual([events[3], inside]);
  });

  it('counts nested and overlapping intervals once', () => {
    expect(unionLength([])).toBe(0);
    expect(unionLength([{ ts: 0, dur: 10 }, { ts: 2, dur: 3 }, { ts: 8, dur: 4 }, { ts: 20, dur: 1 }])).toBe(13);
  });

  it('finds the longest main-thread task and the Workers busy time, ignoring other threads', () => {
    const events = [
      meta(1, 1, 'CrRendererMain'),
      meta(1, 2, 'DedicatedWorker thread'),
      meta(2, 1, 'CrBrowserMain'),
      task(1, 1, 1_000_000, 30_000),
      task(1, 1, 2_000_000, 120_000),
      task(1, 1, 2_010_000, 5_000), // nested in the previous one
      task(1, 1, 3_000_000, 60_000),
      task(1, 2, 1_000_000, 500_000),
      task(1, 2, 1_200_000, 100_000),
      task(2, 1, 0, 900_000),
    ];
    const summary = summariseTasks(events);
    expect(summary.longestMainTaskMs).toBe(120);
    expect(summary.longestMainTasks[0]).toEqual({ startMs: 1000, durMs: 120, cpuMs: Number.NaN });
    expect(summary.mainBusyMs).toBe(210);
    expect(summary.mainLongTasks).toBe(2);
    expect(summary.workerBusyMs).toBe(500);
    expect(summariseTasks(events, 2_500_000).longestMainTaskMs).toBe(60);
  });

  it('tells the CPU time of the longest tasks when the trace has it', () => {
    const events = [meta(1, 1, 'CrRendererMain'), { ...task(1, 1, 0, 121_000), tdur: 20_000 }, { ...task(1, 1, 500_000, 40_000), tdur: 38_000 }];
    expect(summariseTasks(events).longestMainTasks).toEqual([
      { startMs: 0, durMs: 121, cpuMs: 20 },
      { startMs: 500, durMs: 40, cpuMs: 38 },
    ]);
  });

  it('splits the main thread time into self time per event', () => {
    const events = [
      meta(1, 1, 'CrRendererMain'),
      task(1, 1, 0, 100_000),
      task(1, 1, 10_000, 70_000, 'FunctionCall'),
      task(1, 1, 20_000, 20_000, 'Layout'),
      task(1, 1, 200_000, 15_000, 'Layout'),
    ];
    expect(mainThreadBreakdown(events)).toEqual([
      { name: 'FunctionCall', ms: 50 },
      { name: 'Layout', ms: 35 },
      { name: 'ThreadControllerImpl::RunTask', ms: 30 },
    ]);
  });

  it('reads a stream cut inside a character and keeps only what it needs', async () => {
    const json = Buffer.from(
      JSON.stringify({ traceEvents: [meta(1, 1, 'CrRendererMain é'), task(1, 1, 0, 5), task(1, 1, 0, 5, 'Layout'), { name: 'x', ph: 'B', pid: 1, tid: 1, ts: 0 }] }),
    );
    const cut = json.indexOf(Buffer.from('é')) + 1;
    const chunks = [json.subarray(0, cut), json.subarray(cut)];
    let i = 0;
    const read = () => Promise.resolve({ data: chunks[i]!, eof: ++i === chunks.length });
    const events = await readTrace(read);
    expect(events.map((e) => e.name)).toEqual(['thread_name', 'ThreadControllerImpl::RunTask']);
    expect(events[0]!.args?.name).toBe('CrRendererMain é');
    i = 0;
    expect(await readTrace(read, true)).toHaveLength(3);
  });

  it('cuts the events out of the stream wherever the chunks end, skipping the metadata', () => {
    const events = [meta(1, 1, 'Main "quoted" {x} [y] \\ é'), task(1, 1, 0, 5), { ...task(1, 1, 10, 5), args: { name: '}]' } }];
    const text = Buffer.from(JSON.stringify({ traceEvents: events, metadata: { nested: { ph: 'X' }, list: [{ a: 1 }] } }));
    for (const size of [1, 2, 3, 7, 64, text.length]) {
      const parser = new TraceStreamParser();
      for (let i = 0; i < text.length; i += size) parser.push(text.subarray(i, i + size));
      expect(parser.events).toEqual(events);
    }
    const bare = new TraceStreamParser((bytes) => bytes.includes(Buffer.from('thread_name')));
    bare.push(Buffer.from(JSON.stringify(events)));
    expect(bare.events).toEqual([events[0]]);
  });

  it('handles a first sync worth of tasks (hundreds of thousands)', () => {
    const events = [meta(1, 1, 'CrRendererMain'), ...Array.from({ length: 300_000 }, (_, i) => task(1, 1, i * 10, 5))];
    expect(summariseTasks(events).mainBusyMs).toBe(1500);
  });
});
