import { describe, expect, it } from 'vitest';
import { assembleTimeline, timelineWhen, type TimelineInput } from './timeline.ts';

const NOW = Date.parse('2026-06-15T12:00:00.000Z');

const empty: TimelineInput = {
  personId: 'p1',
  createdAt: '2026-01-10T09:00:00.000Z',
  createdBy: 'u1',
  changes: [],
  actions: [],
  comments: [],
  passages: [],
  encounters: [],
};

describe('assembleTimeline', () => {
  it('starts with the creation', () => {
    const { past, upcoming } = assembleTimeline(empty, NOW);
    expect(upcoming).toEqual([]);
    expect(past.map((i) => i.kind)).toEqual(['created']);
    expect(past[0]).toMatchObject({ by: 'u1', when: '2026-01-10T09:00:00.000Z' });
  });

  it('orders everything newest first and groups fields saved together', () => {
    const { past } = assembleTimeline(
      {
        ...empty,
        changes: [
          { field: 'phone', before: '01', after: '02', at: '2026-03-01T10:00:00.000Z', by: 'u2' },
          { field: 'description', before: '', after: 'x', at: '2026-03-01T10:00:00.000Z', by: 'u2' },
          { field: 'phone', before: '02', after: '03', at: '2026-05-01T10:00:00.000Z', by: 'u1' },
        ],
        comments: [{ id: 'c1', date: '2026-04-01T08:00:00.000Z', teamId: 't1', priority: true, actionId: '', text: 'Vu au parc' }],
        passages: [{ id: 'pa1', date: '2026-02-01T08:00:00.000Z', teamId: 't1', personIds: ['p1', 'p2'] }],
        encounters: [{ id: 'e1', date: '2026-06-01T20:00:00.000Z', teamId: 't2', territoryId: 'ter1' }],
        actions: [{ id: 'a1', title: 'Rendez-vous CAF', status: 'done', dueDate: '2026-02-20', dueTime: '', completedAt: '2026-02-21T15:00:00.000Z', urgent: false }],
      },
      NOW,
    );
    expect(past.map((i) => i.key)).toEqual([
      'encounter:e1',
      'change:2026-05-01T10:00:00.000Z:u1',
      'comment:c1',
      'change:2026-03-01T10:00:00.000Z:u2',
      'action:a1',
      'passage:pa1',
      'created',
    ]);
    expect(past.find((i) => i.key === 'change:2026-03-01T10:00:00.000Z:u2')?.fields).toEqual(['phone', 'description']);
    expect(past.find((i) => i.kind === 'passage')?.others).toBe(1);
    expect(past.find((i) => i.kind === 'comment')).toMatchObject({ text: 'Vu au parc', priority: true });
    expect(past.find((i) => i.kind === 'encounter')?.refId).toBe('ter1');
  });

  it('does not repeat the first values written with the creation as changes', () => {
    const { past } = assembleTimeline(
      {
        ...empty,
        changes: [
          { field: 'name', before: '', after: 'Jeanne', at: '2026-01-10T09:00:00.400Z', by: 'u1' },
          { field: 'teamIds', before: [], after: ['t1'], at: '2026-01-10T09:00:00.400Z', by: 'u1' },
          { field: 'phone', before: '', after: '01', at: '2026-01-11T09:00:00.000Z', by: 'u1' },
        ],
      },
      NOW,
    );
    expect(past.map((i) => i.kind)).toEqual(['change', 'created']);
    expect(past[0]?.fields).toEqual(['phone']);
  });

  it('puts actions due later apart, soonest first, and dates an action by its completion once done', () => {
    const { upcoming, past } = assembleTimeline(
      {
        ...empty,
        actions: [
          { id: 'late', title: 'B', status: 'todo', dueDate: '2026-07-01', dueTime: '', completedAt: '', urgent: false },
          { id: 'soon', title: 'A', status: 'todo', dueDate: '2026-06-20', dueTime: '09:30', completedAt: '', urgent: true },
          { id: 'overdue', title: 'C', status: 'todo', dueDate: '2026-06-01', dueTime: '', completedAt: '', urgent: false },
          { id: 'cancelled', title: 'D', status: 'cancelled', dueDate: '2026-09-01', dueTime: '', completedAt: '2026-06-02T10:00:00.000Z', urgent: false },
        ],
      },
      NOW,
    );
    expect(upcoming.map((i) => i.refId)).toEqual(['soon', 'late']);
    expect(upcoming[0]).toMatchObject({ allDay: false, when: '2026-06-20T09:30', urgent: true });
    expect(upcoming[1]).toMatchObject({ allDay: true, when: '2026-07-01' });
    expect(past.map((i) => i.refId ?? i.kind)).toEqual(['cancelled', 'overdue', 'created']);
  });
});

describe('timelineWhen', () => {
  it('reads a day, a day with the time typed, and an instant on the organisation’s clocks', () => {
    expect(timelineWhen({ allDay: true, when: '2026-05-04' })).toBe('04/05/2026');
    expect(timelineWhen({ allDay: false, when: '2026-05-04T14:05' })).toBe('04/05/2026 14:05');
    expect(timelineWhen({ allDay: false, when: '2026-05-04T12:05:00.000Z' })).toBe('04/05/2026 14:05');
  });
});
