import { describe, expect, it } from 'vitest';
import { advance, backgroundLine, IDLE, progressLabel, statusText, totals, type RotationEvent, type RotationView } from './progress.ts';

const run = (events: RotationEvent[], from: RotationView = IDLE) => events.reduce(advance, from);

describe('rotation progress', () => {
  it('goes from the check through publication to a running count per kind, then finished', () => {
    const steps: RotationView[] = [];
    let view = IDLE;
    for (const event of [
      { type: 'checking' },
      { type: 'publishing' },
      { type: 'started', kinds: { general: { done: 0, total: 100_000, failed: 0 }, medical: { done: 0, total: 500, failed: 0 } }, blocked: [] },
      { type: 'progress', progress: { kind: 'general', done: 12_000, total: 100_000, failed: 0 } },
      { type: 'finished' },
    ] satisfies RotationEvent[]) {
      view = advance(view, event);
      steps.push(view);
    }
    expect(steps.map((s) => s.phase)).toEqual(['checking', 'publishing', 'running', 'running', 'finished']);
    const running = steps[3]!;
    expect(running.phase === 'running' && totals(running.kinds)).toEqual({ done: 12_000, total: 100_500, failed: 0 });
    // fr-FR groups digits with a narrow no-break space.
    expect(progressLabel({ done: 12_000, total: 100_000, failed: 0 }).replace(/\s/g, ' ')).toBe('Renouvellement des clés : 12 000 / 100 000 fiches');
    expect(progressLabel({ done: 0, total: 1, failed: 0 })).toBe('Renouvellement des clés : 0 / 1 fiche');
  });

  it('shows « En attente du réseau » while the Worker retries, and drops it with the next progress', () => {
    const started = run([{ type: 'started', kinds: { general: { done: 10, total: 40, failed: 0 } }, blocked: [] }]);
    const waiting = advance(started, { type: 'offline' });
    expect(waiting).toMatchObject({ phase: 'running', offline: true, kinds: { general: { done: 10 } } });
    expect(statusText(waiting)).toMatch(/^En attente du réseau/);
    const back = advance(waiting, { type: 'progress', progress: { kind: 'general', done: 20, total: 40, failed: 0 } });
    expect(back).toMatchObject({ phase: 'running', offline: false, kinds: { general: { done: 20 } } });
    // Being offline before anything runs is not shown as a rotation waiting.
    expect(advance(IDLE, { type: 'offline' })).toBe(IDLE);
  });

  it('keeps a running count or a result when the screen checks again, and ignores progress that arrives when nothing runs', () => {
    const started = run([{ type: 'started', kinds: { general: { done: 1, total: 4, failed: 0 } }, blocked: [] }]);
    expect(advance(started, { type: 'checking' })).toBe(started);
    expect(advance(started, { type: 'nothingToDo' })).toBe(started);
    const finished = advance(started, { type: 'finished' });
    expect(advance(finished, { type: 'progress', progress: { kind: 'general', done: 2, total: 4, failed: 0 } })).toBe(finished);
    // Coming back to the screen checks again: the result stays shown unless there is new work.
    expect(run([{ type: 'checking' }, { type: 'nothingToDo' }], finished)).toBe(finished);
    expect(advance(finished, { type: 'publishing' })).toEqual({ phase: 'publishing' });
    expect(advance(IDLE, { type: 'finished' })).toBe(IDLE);
  });

  it('says how many records could not be opened, what is blocked and why it failed', () => {
    const finished = run([
      { type: 'started', kinds: { general: { done: 0, total: 3, failed: 0 } }, blocked: ['medical'] },
      { type: 'progress', progress: { kind: 'general', done: 2, total: 3, failed: 1 } },
      { type: 'finished' },
    ]);
    expect(statusText(finished)).toBe(
      "Renouvellement des clés terminé : 2 fiches sous les nouvelles clés. 1 fiche n'a pas pu être ouverte sur cet appareil et reste sous l'ancienne clé. " +
        "Le dossier médical sera chiffré à nouveau par un professionnel de santé de l'organisation à sa prochaine connexion.",
    );
    // The medical key is a health professional's to rotate (decision 017); the general one an administrator's.
    expect(statusText(run([{ type: 'blocked', kinds: ['medical'] }]))).toBe(
      "Le dossier médical sera chiffré à nouveau par un professionnel de santé de l'organisation à sa prochaine connexion.",
    );
    expect(statusText(run([{ type: 'blocked', kinds: ['general'] }]))).toBe(
      'Le renouvellement de la clé générale doit être fait par un administrateur qui détient cette clé.',
    );
    const failed = run([{ type: 'started', kinds: {}, blocked: [] }, { type: 'failed', message: 'Le serveur a refusé.' }]);
    expect(failed).toEqual({ phase: 'failed', message: 'Le serveur a refusé.' });
    expect(statusText(failed)).toBe('Le serveur a refusé.');
    expect(statusText(IDLE)).toBeNull();
  });

  it('gives a health professional one status-bar line for a background re-encryption', () => {
    expect(backgroundLine(IDLE)).toBeNull();
    expect(backgroundLine(run([{ type: 'checking' }]))).toBeNull();
    expect(backgroundLine(run([{ type: 'publishing' }]))).toBe('Renouvellement de la clé du dossier médical…');
    const running = run([{ type: 'started', kinds: { medical: { done: 1, total: 3, failed: 0 } }, blocked: [] }]);
    expect(backgroundLine(running)).toBe('Renouvellement des clés : 1 / 3 fiches');
    expect(backgroundLine(run([{ type: 'started', kinds: { medical: { done: 1, total: 3, failed: 0 } }, blocked: [] }, { type: 'offline' }]))).toBe(
      'Renouvellement des clés : 1 / 3 fiches (en attente du réseau)',
    );
  });
});
