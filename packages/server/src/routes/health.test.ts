import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@relais/core/protocol';
import { afterAll, expect, it } from 'vitest';
import { call, expectError } from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';

describeEachBackend('health, OpenAPI, unknown routes', (t) => {
  it('GET /api/health on a fresh instance', async () => {
    const reply = await call(t.app, 'GET', '/api/health');
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ status: 'ok', protocol: PROTOCOL_VERSION, fresh: true });
  });

  it('GET /api/openapi.json documents every route with the zod schemas', async () => {
    const reply = await call(t.app, 'GET', '/api/openapi.json');
    expect(reply.status).toBe(200);
    const doc = reply.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(
      [
        'GET /api/health',
        'POST /api/organisations',
        'POST /api/auth/prelogin',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/me',
        'POST /api/recovery/open',
        'POST /api/recovery/reset',
        'POST /api/invitations',
        'DELETE /api/invitations/{id}',
        'POST /api/invitations/{id}/open',
        'POST /api/invitations/{id}/accept',
        'GET /api/members',
        'POST /api/members/{id}/confirm',
        'PATCH /api/members/{id}',
        'POST /api/members/{id}/revoke',
        'GET /api/keys',
        'GET /api/rotation',
        'POST /api/rotation/keys',
        'GET /api/rotation/records',
        'POST /api/rotation/rewrap',
        'GET /api/keys/medical/pending',
        'POST /api/keys/medical',
        'POST /api/keys/medical/grants',
        'GET /api/teams',
        'GET /api/journal',
        'PUT /api/journal/settings',
        'POST /api/teams',
        'PATCH /api/teams/{id}',
        'PUT /api/teams/{id}/members',
        'POST /api/sync/push',
        'GET /api/sync/pull',
      ].sort(),
    );
    const push = doc.paths['/api/sync/push']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(push?.properties ?? {}).sort()).toEqual(['changes', 'protocol']);
  });

  it('answers unknown API routes and methods with a JSON 404 ROUTE_NOT_FOUND', async () => {
    expectError(await call(t.app, 'GET', '/api/nope'), 404, 'ROUTE_NOT_FOUND');
    expectError(await call(t.app, 'DELETE', '/api/health'), 404, 'ROUTE_NOT_FOUND');
    expectError(await call(t.app, 'POST', '/api/nope', { a: 1 }), 404, 'ROUTE_NOT_FOUND');
    // Without a built web app, other paths are 404 too.
    expectError(await call(t.app, 'GET', '/personnes'), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers a malformed URL with 400 and the error body', async () => {
    expectError(await call(t.app, 'GET', '/api/sync/pull?since=%E0%A4%A'), 400, 'VALIDATION_FAILED');
  });
});

const webDist = mkdtempSync(join(tmpdir(), 'relais-web-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Relais</title>');
writeFileSync(join(webDist, 'assets', 'app-abc123.js'), 'console.log(1)');
writeFileSync(join(webDist, 'sw.js'), 'self.x = 1');
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

describeEachBackend(
  'static web app',
  (t) => {
    it('serves files, hashed assets cached for good, the rest revalidated', async () => {
      const asset = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.body).toBe('console.log(1)');
      expect(asset.headers['cache-control']).toContain('immutable');
      const sw = await t.app.inject({ method: 'GET', url: '/sw.js' });
      expect(sw.statusCode).toBe(200);
      expect(sw.headers['cache-control']).toBe('no-cache');
      const root = await t.app.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('<title>Relais</title>');
    });

    it('falls back to index.html for app routes but not for /api or missing files', async () => {
      const route = await t.app.inject({ method: 'GET', url: '/personnes/123?x=1' });
      expect(route.statusCode).toBe(200);
      expect(route.headers['content-type']).toContain('text/html');
      expect(route.headers['cache-control']).toBe('no-cache');
      expectError(await call(t.app, 'GET', '/api/unknown'), 404, 'ROUTE_NOT_FOUND');
      expectError(await call(t.app, 'GET', '/api'), 404, 'ROUTE_NOT_FOUND');
      expectError(await call(t.app, 'GET', '/assets/missing.js'), 404, 'ROUTE_NOT_FOUND');
      expectError(await call(t.app, 'POST', '/personnes', { a: 1 }), 404, 'ROUTE_NOT_FOUND');
    });
  },
  { webDist },
);
