import { describe, expect, it } from 'vitest';
import { parseInvitationFragment, parseRoute, paths } from './routes.ts';

const ID = '01900000-0000-7000-8000-000000000001';

describe('parseRoute', () => {
  it("maps the shell's paths to their routes and leaves the others to the features", () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute(paths.members)).toEqual({ name: 'members' });
    expect(parseRoute(paths.teams)).toEqual({ name: 'teams' });
    expect(parseRoute(paths.login)).toEqual({ name: 'login' });
    expect(parseRoute(paths.createOrganisation)).toEqual({ name: 'createOrganisation' });
    expect(parseRoute(paths.recovery)).toEqual({ name: 'recovery' });
    expect(parseRoute('/invitation')).toEqual({ name: 'invitation' });
    expect(parseRoute(`/personnes/${ID}`)).toEqual({ name: 'feature', path: `/personnes/${ID}` });
  });
});

describe('parseInvitationFragment', () => {
  it('reads the id and the secret, and refuses anything else', () => {
    expect(parseInvitationFragment(`#${ID}.abcdefghijklmnopqrstuvwxyz`)).toEqual({ id: ID, secret: 'abcdefghijklmnopqrstuvwxyz' });
    expect(parseInvitationFragment(`#${ID}.short`)).toBeNull();
    expect(parseInvitationFragment('#nothing')).toBeNull();
    expect(parseInvitationFragment('')).toBeNull();
  });
});
