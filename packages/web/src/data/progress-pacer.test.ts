import { describe, expect, it } from 'vitest';
import { PROGRESS_EVERY_MS, ProgressPacer } from './progress-pacer.ts';
import type { SyncProgress } from './types.ts';

type Step = { at: number; report: SyncProgress } | { at: number; flush: true };

function run(steps: Step[]): { at: number; told: SyncProgress }[] {
  let now = 0;
  const told: { at: number; told: SyncProgress }[] = [];
  const pacer = new ProgressPacer((progress) => told.push({ at: now, told: progress }), { now: () => now });
  for (const step of steps) {
    now = step.at;
    if ('flush' in step) pacer.flush();
    else pacer.report(step.report);
  }
  return told;
}

const persons = (pulled: number): SyncProgress => ({ phase: 'persons', pulled });
const rest = (pulled: number): SyncProgress => ({ phase: 'rest', pulled });

describe('ProgressPacer', () => {
  it.each([
    { name: 'tells the first report at once', steps: [{ at: 0, report: persons(0) }], told: [0] },
    {
      name: 'holds back counts within the pace, tells the next one after it',
      steps: [
        { at: 0, report: persons(0) },
        { at: 800, report: persons(1000) },
        { at: 1600, report: persons(2000) },
        { at: PROGRESS_EVERY_MS, report: persons(3000) },
      ],
      told: [0, 3000],
    },
    {
      name: 'tells a phase change at once, whatever the pace',
      steps: [
        { at: 0, report: persons(0) },
        { at: 100, report: persons(5000) },
        { at: 200, report: rest(5000) },
        { at: 300, report: { phase: 'done', pulled: 5000 } },
      ],
      told: [0, 5000, 5000],
    },
    {
      name: 'tells the count held back when the sync stops, once',
      steps: [{ at: 0, report: rest(0) }, { at: 500, report: rest(700) }, { at: 600, flush: true }, { at: 700, flush: true }],
      told: [0, 700],
    },
    { name: 'tells nothing at the stop when nothing was held back', steps: [{ at: 0, report: rest(0) }, { at: 600, flush: true }], told: [0] },
  ] satisfies { name: string; steps: Step[]; told: number[] }[])('$name', ({ steps, told }) => {
    expect(run(steps).map((t) => t.told.pulled)).toEqual(told);
  });
});
