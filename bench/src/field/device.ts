// One phone for the browser benchmarks: Debian's Chromium through playwright-core, a persistent
// profile (cold = new folder, warm = the same folder relaunched), 360×740, the main thread slowed 4×
// (CDP Emulation.setCPUThrottlingRate) and the network emulated at 10 Mbit/s each way with 40 ms
// of latency (CDP Network.emulateNetworkConditions, which also applies to the Workers' fetches).
// It records every API response's size, follows the pulls in flight and samples the JS heap of the
// page and of each of its Workers.
import { chromium, type BrowserContext, type CDPSession, type Page, type Request } from 'playwright-core';
import { WorkerSessions } from './workers.ts';
import { readTrace, type TraceEvent } from './trace.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
// The flags of e2e/src/harness/device.ts (TOOLCHAIN.md): headless, no sandbox in the container.
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

export const CPU_RATE = Number(process.env.BENCH_CPU_RATE ?? '4');
/** 10 Mbit/s in bytes per second, both ways, and 40 ms of latency. */
export const NETWORK = { latency: 40, downloadThroughput: 1_250_000, uploadThroughput: 1_250_000 };

export interface ApiResponse {
  url: string;
  method: string;
  /** Date.now() when the whole body had arrived. */
  at: number;
  /** Encoded body plus headers: what Network.loadingFinished calls encodedDataLength. */
  bytes: number;
  status: number;
}

export interface HeapSample {
  at: number;
  /** usedSize of the page's isolate (bytes). */
  page: number;
  /** usedSize of every Worker's isolate together (bytes). */
  workers: number;
  /** How many Workers answered. */
  workerCount: number;
}

export class Device {
  readonly responses: ApiResponse[] = [];
  readonly heap: HeapSample[] = [];
  readonly pullUrls: string[] = [];
  pullsInFlight = 0;
  lastPullEnd = 0;
  private sampling = false;
  private sampler: Promise<void> | undefined;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly cdp: CDPSession,
    readonly workers: WorkerSessions,
  ) {}

  static async launch(profileDir: string, { network = true }: { network?: boolean } = {}): Promise<Device> {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      viewport: { width: 360, height: 740 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60_000);
    page.setDefaultNavigationTimeout(120_000);
    const cdp = await context.newCDPSession(page);
    const workers = await WorkerSessions.attach(cdp);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
    }
    const device = new Device(context, page, cdp, workers);
    context.on('request', (request) => device.onRequest(request));
    context.on('requestfinished', (request) => void device.onFinished(request, true));
    context.on('requestfailed', (request) => void device.onFinished(request, false));
    return device;
  }

  private onRequest(request: Request): void {
    if (isPull(request.url())) {
      this.pullsInFlight++;
      this.pullUrls.push(request.url());
    }
  }

  private async onFinished(request: Request, ok: boolean): Promise<void> {
    const url = request.url();
    const at = Date.now();
    if (isPull(url)) {
      this.pullsInFlight--;
      this.lastPullEnd = at;
    }
    if (!ok || !new URL(url).pathname.startsWith('/api/')) return;
    try {
      const response = await request.response();
      // A page request answered by the service worker is counted where it reached the network.
      if (response === null || response.fromServiceWorker()) return;
      const sizes = await request.sizes();
      this.responses.push({ url, method: request.method(), at, bytes: sizes.responseBodySize + sizes.responseHeadersSize, status: response.status() });
    } catch {
      // The page went away with the request: nothing was received that counts.
    }
  }

  /** Bytes of API responses finished within [from, to] (Date.now() times). */
  apiBytes(from: number, to: number): number {
    return this.responses.filter((r) => r.at >= from && r.at <= to).reduce((sum, r) => sum + r.bytes, 0);
  }

  /** The page's and the Workers' JS heaps right now. */
  async heapNow(): Promise<HeapSample> {
    const page = await this.cdp.send('Runtime.getHeapUsage');
    let workers = 0;
    let workerCount = 0;
    for (const worker of this.workers.list()) {
      try {
        workers += (await this.workers.send<{ usedSize: number }>(worker.sessionId, 'Runtime.getHeapUsage', {}, 10_000)).usedSize;
        workerCount++;
      } catch {
        // The Worker ended between listing and asking.
      }
    }
    return { at: Date.now(), page: page.usedSize, workers, workerCount };
  }

  /** Samples the heap every `everyMs` until stopHeapSampling(). */
  startHeapSampling(everyMs = 1000): void {
    if (this.sampling) return;
    this.sampling = true;
    this.sampler = (async () => {
      while (this.sampling) {
        try {
          this.heap.push(await this.heapNow());
        } catch {
          // A navigation or a closing page: the next sample will do.
        }
        await sleep(everyMs);
      }
    })();
  }

  async stopHeapSampling(): Promise<void> {
    this.sampling = false;
    await this.sampler;
  }

  /** The sample with the most page + Workers heap. */
  heapPeakSample(): HeapSample {
    return this.heap.reduce((max, s) => (s.page + s.workers > max.page + max.workers ? s : max), { at: 0, page: 0, workers: 0, workerCount: 0 });
  }

  heapPeak(): number {
    const peak = this.heapPeakSample();
    return peak.page + peak.workers;
  }

  private tracingDetail = false;

  /**
   * Chromium's own task events ("toplevel"): every task of every thread with its duration; with
   * `detail`, also what ran inside them (devtools.timeline: script, layout, style, messages).
   */
  async startTrace(detail = false): Promise<void> {
    this.tracingDetail = detail;
    const categories = detail ? 'toplevel,devtools.timeline,v8.execute,__metadata' : 'toplevel,__metadata';
    await this.cdp.send('Tracing.start', { categories, transferMode: 'ReturnAsStream' });
  }

  async stopTrace(): Promise<TraceEvent[]> {
    const complete = new Promise<string>((resolve) => {
      this.cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? ''));
    });
    await this.cdp.send('Tracing.end');
    const handle = await complete;
    return readTrace(async () => {
      const chunk = await this.cdp.send('IO.read', { handle, size: 4 << 20 });
      return { data: Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'), eof: chunk.eof };
    }, this.tracingDetail).finally(() => this.cdp.send('IO.close', { handle }).catch(() => undefined));
  }

  async close(): Promise<void> {
    await this.stopHeapSampling();
    await this.context.close();
  }
}

function isPull(url: string): boolean {
  return url.includes('/api/sync/pull');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
