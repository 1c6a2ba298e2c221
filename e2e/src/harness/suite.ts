// The life of one browser suite on one backend: the server and the devices start before its tests
// (failing, never skipping, when Chromium, axe or the web build are missing), every device takes a
// screenshot when a test fails, and everything is closed after. Call inside a describe block.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { Backend, type BackendKind } from './backend.ts';
import { Device } from './device.ts';
import { requireAxe, requireChromium, requireWebBuild } from './preconditions.ts';

export type SuiteEnv<N extends string> = { backend: Backend } & Record<N, Device>;

/**
 * `devices`: each device's name in the suite → its name in the artifacts (« A-admin »), opened in
 * that order. `onStarted` runs once they are all open (listeners on a device's traffic). Returns
 * what the tests read, which throws if the suite did not start.
 */
export function browserSuite<N extends string>(
  kind: BackendKind,
  suite: string,
  devices: Record<N, string>,
  onStarted?: (env: SuiteEnv<N>) => void,
): () => SuiteEnv<N> {
  let started: SuiteEnv<N> | null = null;
  let backend: Backend | undefined;
  const opened: Device[] = [];

  beforeAll(async () => {
    requireChromium();
    requireAxe();
    requireWebBuild();
    backend = await Backend.start(kind, suite);
    const env = { backend } as SuiteEnv<N>;
    for (const [name, label] of Object.entries(devices) as [N, string][]) {
      const device = await Device.open(label, backend.artifacts);
      opened.push(device);
      (env as Record<N, Device>)[name] = device;
    }
    onStarted?.(env);
    started = env;
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      for (const device of opened) await device.shot('failed').catch(() => undefined);
    });
  });

  afterAll(async () => {
    for (const device of opened) await device.close();
    await backend?.close();
  });

  return () => {
    if (!started) throw new Error('the suite did not start');
    return started;
  };
}
