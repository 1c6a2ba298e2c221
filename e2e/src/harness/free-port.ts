import { createServer } from 'node:net';

/** Asks the OS for a port nobody listens on; the tiny race until the server binds is acceptable here. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error('no TCP address'));
        return;
      }
      probe.close(() => resolvePort(address.port));
    });
  });
}
