// The session hands the medical key to the data Worker once it arrives, without a page reload
// (decision 017): a health professional logs in without it, the step after the first sync finds
// that a colleague holds it, the keys are reloaded, and the workspace re-opens with a Worker
// given the medical key. An administrator who is not a health professional never gives it to
// their Worker, even if a Me held one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Keyring, type OrgKey, type UserKeyPair } from '@relais/core/crypto/keys';
import type { Me, MedicalKeyState, SealedKey } from '@relais/core/protocol';

type StartedKeys = { kind: string; version: number }[];
const started: StartedKeys[] = [];

vi.mock('../data/client.ts', () => ({
  DataClient: {
    prepare: () => null,
    start: async (params: { keys: { kind: string; version: number }[] }) => {
      started.push(params.keys.map((k) => ({ kind: k.kind, version: k.version })));
      return {
        onKeysMissing: () => () => undefined,
        index: () => undefined,
        close: async () => undefined,
        setToken: () => undefined,
        pendingCount: async () => 0,
        sync: async () => ({ pushed: 0, pulled: 0, conflicts: 0, pending: 0 }),
        getLastSyncAt: async () => undefined,
        setLastSyncAt: async () => undefined,
      };
    },
  },
}));
vi.mock('../crypto/kdf.ts', () => ({ prepareKdf: () => undefined }));
vi.mock('../crypto/sodium.ts', () => ({ loadPrimitives: async () => ({}), random: { fill: () => undefined } }));
// Opening sealed keys is core's (tested there): here a Me's keys open to keys of the same kind and version.
vi.mock('./keys.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./keys.ts')>();
  return {
    ...original,
    openKeyring: (_p: unknown, me: Me) => new Keyring(me.organisation.id, me.keys.map((k): OrgKey => ({ kind: k.kind, version: k.version, key: new Uint8Array(32).fill(k.version) }))),
  };
});
vi.mock('./flows.ts', () => ({ login: vi.fn() }));
vi.mock('../rotation/session.ts', () => ({ rotationClientFor: () => ({ resume: async () => undefined }) }));

const { AppController } = await import('./controller.ts');
const flows = await import('./flows.ts');
const { workerKeys } = await import('./keys.ts');

const ORG = '01900000-0000-7000-8000-0000000000f0';
const general: SealedKey = { kind: 'general', version: 1, sealed: 'AAAA' };
const medical: SealedKey = { kind: 'medical', version: 1, sealed: 'BBBB' };

function me(healthProfessional: boolean, keys: SealedKey[], role: Me['user']['role'] = 'member'): Me {
  return {
    user: { id: '01900000-0000-7000-8000-0000000000d1', name: 'Alix', email: 'alix@example.org', role, healthProfessional, status: 'active', publicKey: null, createdAt: '2026-01-01T00:00:00.000Z' },
    organisation: { id: ORG, name: 'Maraude' },
    kdf: { algorithm: 'argon2id13', salt: 'AAAAAAAAAAAAAAAAAAAAAA==', opsLimit: 2, memLimitBytes: 16 * 1024 * 1024 },
    wrappedPrivateKey: 'AAAA',
    keys,
    teams: [],
    colleagues: [],
  };
}

const keyPair: UserKeyPair = { publicKey: new Uint8Array(32), privateKey: new Uint8Array(32) };

describe('the session and the medical key', () => {
  beforeEach(() => {
    started.length = 0;
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("gives the data Worker the medical key once a colleague's device has sealed it, without a reload", async () => {
    const controller = new AppController();
    const waiting = me(true, [general]);
    vi.mocked(flows.login).mockResolvedValue({ session: { token: 'jeton', expiresAt: '2099-01-01T00:00:00.000Z' }, me: waiting, keyPair, authKey: 'AAAA', orgKeys: [{ kind: 'general', version: 1, key: new Uint8Array(32) }] });
    const state: MedicalKeyState = { currentVersion: 1, bootstrapNeeded: false, pending: [] };
    const stateCalls = vi.spyOn(controller.api, 'medicalKeyState').mockResolvedValue(state);
    // The colleague's grant is on the server: the next /api/me carries it.
    vi.spyOn(controller.api, 'me').mockResolvedValue(me(true, [general, medical]));

    await controller.login('alix@example.org', 'mot de passe');
    expect(started[0]).toEqual([{ kind: 'general', version: 1 }]);
    await vi.waitFor(() => expect(started).toHaveLength(2));
    expect(started[1]).toEqual([
      { kind: 'general', version: 1 },
      { kind: 'medical', version: 1 },
    ]);
    expect(stateCalls).toHaveBeenCalled();
    const ready = controller.getState();
    expect(ready.status).toBe('ready');
    if (ready.status === 'ready') expect(ready.workspace.keyring.has('medical', 1)).toBe(true);
    controller.lock();
  });

  it('never asks about the medical key, nor gives it to the Worker, for a member who is not a health professional', async () => {
    const controller = new AppController();
    const admin = me(false, [general, medical], 'admin');
    vi.mocked(flows.login).mockResolvedValue({ session: { token: 'jeton', expiresAt: '2099-01-01T00:00:00.000Z' }, me: admin, keyPair, authKey: 'AAAA' });
    const stateCalls = vi.spyOn(controller.api, 'medicalKeyState');
    vi.spyOn(controller.api, 'me').mockResolvedValue(admin);
    await controller.login('camille@example.org', 'mot de passe');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual([[{ kind: 'general', version: 1 }]]);
    expect(stateCalls).not.toHaveBeenCalled();
    controller.lock();
  });

  it('shows nothing anew when the periodic /api/me answers the same member, and the change when it differs', async () => {
    const controller = new AppController();
    const member = me(false, [general]);
    vi.mocked(flows.login).mockResolvedValue({ session: { token: 'jeton', expiresAt: '2099-01-01T00:00:00.000Z' }, me: member, keyPair, authKey: 'AAAA', orgKeys: [{ kind: 'general', version: 1, key: new Uint8Array(32) }] });
    const answers = vi.spyOn(controller.api, 'me').mockResolvedValue(structuredClone(member));
    await controller.login('alix@example.org', 'mot de passe');
    let notified = 0;
    const stop = controller.subscribe(() => (notified += 1));
    await controller.refreshMe();
    expect(notified).toBe(0);
    answers.mockResolvedValue({ ...structuredClone(member), teams: [{ id: '01900000-0000-7000-8000-0000000000e1', name: 'Nuit', memberIds: [member.user.id] }] });
    await controller.refreshMe();
    expect(notified).toBe(1);
    const state = controller.getState();
    if (state.status === 'ready') expect(state.session.me.teams.map((t) => t.name)).toEqual(['Nuit']);
    stop();
    controller.lock();
  });

  it('workerKeys leaves the medical key out for anyone but a health professional', () => {
    const keyring = new Keyring(ORG, [
      { kind: 'general', version: 1, key: new Uint8Array(32) },
      { kind: 'medical', version: 1, key: new Uint8Array(32) },
    ]);
    expect(workerKeys(keyring, me(false, [], 'admin')).map((k) => k.kind)).toEqual(['general']);
    expect(workerKeys(keyring, me(true, [])).map((k) => k.kind)).toEqual(['general', 'medical']);
  });
});
