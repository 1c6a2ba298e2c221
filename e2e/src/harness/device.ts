// One persistent Chromium context is one device: its own IndexedDB, service worker and cookies.
// Phone-sized, CPU throttled, offline on demand.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './paths.ts';

/**
 * CPU slowdown applied to every device. 4 is the "cheap phone"; on this 2-core machine two
 * throttled devices plus the server fit in the time budget (see the e2e README note in the report).
 */
export const CPU_THROTTLING_RATE = Number(process.env.E2E_CPU_RATE ?? '4');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string | null;
}

export class Device {
  /** Every request body the page or its service worker sent (the canary must not be in any). */
  readonly requests: SentRequest[] = [];
  private shots = 0;

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly userDataDir: string,
    private readonly artifacts: string,
  ) {}

  static async open(name: string, artifacts: string): Promise<Device> {
    const userDataDir = mkdtempSync(join(tmpdir(), `relais-e2e-${name}-`));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      viewport: { width: 360, height: 740 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const device = new Device(name, context, page, userDataDir, artifacts);
    const logFile = join(artifacts, `${name}.console.log`);
    writeFileSync(logFile, '');
    page.on('console', (message) => appendFileSync(logFile, `${message.type()}: ${message.text()}\n`));
    page.on('pageerror', (error) => appendFileSync(logFile, `pageerror: ${error.stack ?? error.message}\n`));
    context.on('request', (request) => {
      device.requests.push({ method: request.method(), url: request.url(), body: request.postData() });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING_RATE });
    page.setDefaultTimeout(30_000);
    page.setDefaultNavigationTimeout(60_000);
    return device;
  }

  async setOffline(offline: boolean): Promise<void> {
    await this.context.setOffline(offline);
  }

  /** A full-page screenshot in the artifacts folder, numbered in the order they were taken. */
  async shot(step: string): Promise<string> {
    this.shots += 1;
    const file = join(this.artifacts, `${this.name}-${String(this.shots).padStart(2, '0')}-${step}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}
