// field.*: the web app on a slowed phone (shared/BENCHMARKS.md, issue 4 deliverable 8). The
// synthetic organisation is loaded into a real server (a child process on a fresh PostgreSQL
// database, exactly as `npm start` runs), the web app is built, and Chromium at 360×740 with the
// main thread slowed 4× and a 10 Mbit/s, 40 ms network logs in, syncs, relaunches, searches and
// opens files. Each figure comes with a raw baseline measured in the same run on the same device
// settings (see docs/benchmarks.md).
import { spawn } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../../e2e/src/harness/paths.ts';
import { requireChromium, requirePostgres, requireWebBuild } from '../../e2e/src/harness/preconditions.ts';
import { adminEmail, BENCH_PASSWORD, createOrganisation, createOrganisationRequest } from './account.ts';
import {
  clearSearch,
  escapeRegExp,
  heading,
  openLogin,
  personLink,
  progressShown,
  searchBox,
  submitLogin,
  submitUnlock,
  waitSearchable,
  waitUnlockScreen,
} from './field/app.ts';
import { CPU_RATE, Device, NETWORK, sleep } from './field/device.ts';
import { measureInput, type Latency } from './field/latency.ts';
import { personPageCount, pickPersons, SEARCH_QUERIES, typedPrefixes, type PersonPicks } from './field/persons.ts';
import { FIRST_SCREEN_PROBE, INPUT_PROBE, PLAIN_PULL, PLAIN_SEARCH } from './field/probes.ts';
import { diagnose, locateInApp, printBreakdown, printProfiles, PROFILING } from './field/diagnostics.ts';
import { Profiles } from './field/profile.ts';
import { longestTaskEvents, summariseTasks, type TaskSummary } from './field/trace.ts';
import type { SyntheticOrganisation } from './generator.ts';
import { lowerPriority, withBenchServer } from './bench-server.ts';
import { loadOrganisation, type Endpoint } from './load.ts';
import { fmtRange, formatFigure, median, note, percentile, type Want } from './report.ts';
import { loadPrimitives, platformRandom } from './seal.ts';

export const FIELD_FIGURES = [
  'field.searchable_s',
  'field.full_sync_s',
  'field.warm_start_s',
  'field.open_person_p95_ms',
  'field.search_p95_ms',
  'field.heap_peak_mib',
  'field.download_mib',
  'field.longest_task_ms',
];

/** The server's CPU priority (Unix nice, 19 the lowest): the emulated phone gets the cores first. */
const SERVER_NICENESS = 19;
const COLD_RUNS = Number(process.env.BENCH_FIELD_COLD_RUNS ?? '3');
const WARM_RUNS = Number(process.env.BENCH_FIELD_WARM_RUNS ?? '3');
/** Between the tap that focuses the search box and the first key typed. */
const TAP_TO_KEY_MS = 300;
const SYNC_TIMEOUT_MS = Number(process.env.BENCH_FIELD_SYNC_TIMEOUT_S ?? '420') * 1000;
const SEARCHABLE_TIMEOUT_MS = 300_000;
/** The first sync is over once no pull is in flight and no progress shows for this long. */
const SYNC_QUIET_MS = 3000;
const MIB = 1024 * 1024;

interface ColdRun {
  searchableS: number;
  listS: number;
  fullSyncS?: number;
  fullSyncTimedOut?: boolean;
  downloadBytes?: number;
  pullUrls?: string[];
  tasks?: TaskSummary;
  heapBeforeLogin: number;
  heapPeak: number;
}

interface Replay {
  /** ms after the first request at which each page had been parsed. */
  done: number[];
  records: number;
  bytes: number;
  tasks?: TaskSummary;
}

export async function benchField(org: SyntheticOrganisation, want: Want): Promise<void> {
  requireChromium();
  await requirePostgres();
  const runDir = mkdtempSync(join(tmpdir(), 'relais-bench-field-'));
  note(`field: CPU ${CPU_RATE}× (main thread), network ${(NETWORK.downloadThroughput * 8) / 1e6} Mbit/s, ${NETWORK.latency} ms; logs and profiles in ${runDir}`);
  if (process.env.BENCH_FIELD_SKIP_BUILD !== '1') await buildWeb(runDir);
  requireWebBuild();
  const persons = pickPersons(org);
  const profiles: string[] = [];
  try {
    await withBenchServer('field', runDir, async (server, databaseUrl) => {
      const endpoint = await loadServer(org, server.url, databaseUrl);
      // The phone does not run the server: here both share two cores, and a main-thread task of the
      // slowed page that waited for a core the server had counted as the app's (decision 019).
      if (server.pid !== undefined) {
        lowerPriority(server.pid, SERVER_NICENESS);
        note(`field: the server runs at the lowest CPU priority (nice ${SERVER_NICENESS}), as if elsewhere; PostgreSQL at its own`);
      }
      await new FieldBench(org, server.url, endpoint, persons, runDir, want, profiles).run();
    });
  } finally {
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  }
}

async function buildWeb(runDir: string): Promise<void> {
  const t0 = performance.now();
  const log = createWriteStream(join(runDir, 'web-build.log'));
  const child = spawn('npm', ['run', 'build', '-w', '@relais/web'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run build -w @relais/web failed (exit ${code}); see ${join(runDir, 'web-build.log')}`);
  note(`field: web app built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** Creates the organisation (default Argon2id profile, as a real member) and pushes every record. */
async function loadServer(org: SyntheticOrganisation, baseUrl: string, databaseUrl: string): Promise<Endpoint> {
  const p = await loadPrimitives();
  const token = await createOrganisation(baseUrl, createOrganisationRequest(p, platformRandom(), org, 'default'));
  const endpoint = { baseUrl, token };
  await loadOrganisation(org, endpoint, 'field (postgres)');
  // Steady state of a server that has run for a minute since the import (autovacuum's ANALYZE).
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return endpoint;
}

class FieldBench {
  private heapPeaks: number[] = [];

  constructor(
    private readonly org: SyntheticOrganisation,
    private readonly url: string,
    private readonly endpoint: Endpoint,
    private readonly persons: PersonPicks,
    private readonly runDir: string,
    private readonly want: Want,
    /** Browser profiles made, removed at the end. */
    private readonly profileDirs: string[],
  ) {}

  private newProfile(label: string): string {
    const dir = mkdtempSync(join(tmpdir(), `relais-bench-${label}-`));
    this.profileDirs.push(dir);
    return dir;
  }

  async run(): Promise<void> {
    const cold: ColdRun[] = [];
    const personReplays: Replay[] = [];
    // Run 1 goes on to the end of the first sync; its profile is the warm one.
    const warmProfile = this.newProfile('cold1');
    cold.push(await this.coldRun(warmProfile, true, 1));
    const pulls = cold[0]!.pullUrls ?? [];
    const personPages = personPageCount(pulls, this.org.shape.person);
    note(`field: the first sync asked for ${pulls.length} pull pages, ${personPages} of them for persons`);
    const full = await this.replay(pulls, true);
    if (full.records < this.org.count) {
      throw new Error(`the app's pull pages hold ${full.records} records, the organisation ${this.org.count}: the end of the first sync was detected too early`);
    }
    personReplays.push({ done: full.done.slice(0, personPages), records: 0, bytes: 0 });
    for (let i = 2; i <= COLD_RUNS; i++) {
      cold.push(await this.coldRun(this.newProfile(`cold${i}`), false, i));
      personReplays.push(await this.replay(pulls.slice(0, personPages), false));
    }
    const warm = await this.warmRuns(warmProfile);
    this.report(cold, full, personReplays, personPages, warm);
  }

  private launches = 0;

  private async launch(profileDir: string): Promise<Device> {
    const device = await Device.launch(profileDir);
    await device.page.addInitScript(INPUT_PROBE);
    await device.page.addInitScript(FIRST_SCREEN_PROBE);
    const log = join(this.runDir, `device-${++this.launches}.console.log`);
    device.page.on('console', (message) => appendFileSync(log, `${message.type()}: ${message.text()}\n`));
    device.page.on('pageerror', (error) => appendFileSync(log, `pageerror: ${error.stack ?? error.message}\n`));
    return device;
  }

  /** What the screen showed when a step failed: a screenshot and its text, in the run folder. */
  private async evidence(device: Device, label: string): Promise<void> {
    const file = join(this.runDir, `failure-${label}`);
    await device.page.screenshot({ path: `${file}.png`, fullPage: true }).catch(() => undefined);
    const text = (await device.page.evaluate('document.body ? document.body.innerText : ""').catch(() => '')) as string;
    writeFileSync(`${file}.txt`, `${device.page.url()}\n\n${text}`);
    note(`field: ${label} failed; the screen is in ${file}.png / .txt`);
  }

  private async coldRun(profileDir: string, full: boolean, n: number): Promise<ColdRun> {
    const device = await this.launch(profileDir);
    try {
      const { page } = device;
      await openLogin(page, this.url);
      const before = await device.heapNow();
      device.startHeapSampling();
      const profiling = full && PROFILING ? new Profiles(device, locateInApp) : undefined;
      if (full) await device.startTrace(PROFILING);
      await profiling?.start();
      const t0 = await submitLogin(page, adminEmail(this.org), BENCH_PASSWORD);
      const { listAt, foundAt } = await waitSearchable(page, this.persons.last, SEARCHABLE_TIMEOUT_MS);
      const run: ColdRun = {
        searchableS: (foundAt - t0) / 1000,
        listS: (listAt - t0) / 1000,
        heapBeforeLogin: before.page + before.workers,
        heapPeak: 0,
      };
      note(`field: cold run ${n}: list shown after ${run.listS.toFixed(1)} s, last person found by search after ${run.searchableS.toFixed(1)} s`);
      if (full) {
        const end = await this.waitFirstSyncEnd(device, t0);
        run.fullSyncS = (end.at - t0) / 1000;
        run.fullSyncTimedOut = end.timedOut;
        run.downloadBytes = device.apiBytes(t0, end.at);
        run.pullUrls = device.pullUrls.slice();
        if (profiling) printProfiles(await profiling.stop(this.runDir, 'first-sync'), 'the first sync');
        const events = await device.stopTrace();
        if (PROFILING) {
          printBreakdown(events, 'the first sync');
          // The longest tasks' insides, to read with the page's CPU profile of the same run.
          writeFileSync(join(this.runDir, 'first-sync.long-tasks.trace.json'), JSON.stringify(longestTaskEvents(events)));
        }
        run.tasks = summariseTasks(events);
        note(
          `field: cold run ${n}: first sync over after ${run.fullSyncS.toFixed(1)} s${end.timedOut ? ' (TIMED OUT)' : ''}, ` +
            `${(run.downloadBytes / MIB).toFixed(1)} MiB of API responses; main thread busy ${(run.tasks.mainBusyMs / 1000).toFixed(1)} s ` +
            `(${run.tasks.mainLongTasks} tasks over 50 ms, longest ${fmtTasks(run.tasks)}), Workers busy ${(run.tasks.workerBusyMs / 1000).toFixed(1)} s (not slowed by CDP)`,
        );
      }
      await device.stopHeapSampling();
      run.heapPeak = device.heapPeak();
      this.heapPeaks.push(run.heapPeak);
      const peak = device.heapPeakSample();
      note(
        `field: cold run ${n}: heap before login ${(run.heapBeforeLogin / MIB).toFixed(1)} MiB (${before.workerCount} Workers), ` +
          `peak ${(run.heapPeak / MIB).toFixed(1)} MiB at +${((peak.at - t0) / 1000).toFixed(0)} s: page ${(peak.page / MIB).toFixed(1)}, ${peak.workerCount} Workers ${(peak.workers / MIB).toFixed(1)}`,
      );
      return run;
    } catch (error) {
      await this.evidence(device, `cold-run-${n}`);
      throw error;
    } finally {
      await device.close();
    }
  }

  /** Until no pull is in flight and no progress indicator shows for SYNC_QUIET_MS; returns when that began. */
  private async waitFirstSyncEnd(device: Device, t0: number): Promise<{ at: number; timedOut: boolean }> {
    let lastProgress = Date.now();
    for (;;) {
      const now = Date.now();
      if (await progressShown(device.page).catch(() => true)) lastProgress = Date.now();
      if (device.pullsInFlight > 0) lastProgress = Math.max(lastProgress, now);
      const end = Math.max(lastProgress, device.lastPullEnd);
      if (device.lastPullEnd > 0 && device.pullsInFlight === 0 && Date.now() - end >= SYNC_QUIET_MS) return { at: end, timedOut: false };
      if (now - t0 > SYNC_TIMEOUT_MS) return { at: now, timedOut: true };
      await sleep(500);
    }
  }

  /** The same pull pages by plain fetch in a fresh profile with the same device settings. */
  private async replay(urls: readonly string[], trace: boolean): Promise<Replay> {
    const device = await Device.launch(this.newProfile('replay'));
    try {
      await device.page.goto(`${this.url}/api/health`);
      if (trace) await device.startTrace();
      const t0 = Date.now();
      const result = (await device.page.evaluate(`${PLAIN_PULL}(${JSON.stringify({ urls, token: this.endpoint.token })})`)) as { done: number[]; records: number };
      await sleep(200);
      const replay: Replay = { ...result, bytes: device.apiBytes(t0, Date.now()) };
      if (trace) replay.tasks = summariseTasks(await device.stopTrace());
      note(
        `field: plain fetch of ${urls.length} pull pages: ${(result.done.at(-1)! / 1000).toFixed(1)} s, ${result.records} records, ` +
          `${(replay.bytes / MIB).toFixed(1)} MiB${replay.tasks ? `, longest main-thread task ${replay.tasks.longestMainTaskMs.toFixed(0)} ms` : ''}`,
      );
      return replay;
    } finally {
      await device.close();
    }
  }

  private async warmRuns(profileDir: string): Promise<WarmResults> {
    const starts: number[] = [];
    const shells: number[] = [];
    let measures: Measures | undefined;
    for (let i = 1; i <= WARM_RUNS; i++) {
      const device = await this.launch(profileDir);
      try {
        const { page } = device;
        device.startHeapSampling();
        const stopDiagnosis = PROFILING && i === 1 ? await diagnose(device, this.runDir, 'warm-start', 'a warm start') : undefined;
        const t0 = Date.now();
        await page.goto(this.url);
        const shellMs = (await waitUnlockScreen(page)) - t0;
        const { submittedAt, keyEchoesMs } = await submitUnlock(page, BENCH_PASSWORD);
        const { foundAt } = await waitSearchable(page, this.persons.last, 120_000);
        const unlockMs = foundAt - submittedAt;
        await stopDiagnosis?.();
        starts.push((shellMs + unlockMs) / 1000);
        shells.push(shellMs / 1000);
        note(
          `field: warm start ${i}: unlock screen after ${(shellMs / 1000).toFixed(2)} s, list usable ${(unlockMs / 1000).toFixed(2)} s after the password was submitted; ` +
            (keyEchoesMs.length > 0 ? `its ${keyEchoesMs.length} keys shown in p50 ${percentile(keyEchoesMs, 50).toFixed(0)}, max ${Math.max(...keyEchoesMs).toFixed(0)} ms` : 'no typed key reached a frame'),
        );
        if (i === WARM_RUNS) measures = await this.interactions(device);
        await device.stopHeapSampling();
        this.heapPeaks.push(device.heapPeak());
        const peak = device.heapPeakSample();
        note(`field: warm run ${i}: heap peak ${(device.heapPeak() / MIB).toFixed(1)} MiB at +${((peak.at - t0) / 1000).toFixed(0)} s: page ${(peak.page / MIB).toFixed(1)}, ${peak.workerCount} Workers ${(peak.workers / MIB).toFixed(1)}`);
      } catch (error) {
        await this.evidence(device, `warm-run-${i}`);
        throw error;
      } finally {
        await device.close();
      }
    }
    if (measures === undefined) throw new Error('no warm run');
    await this.offlineStart(profileDir);
    return { starts, shells, ...measures };
  }

  /** The same device relaunched with no network at all: the list must open and answer. */
  private async offlineStart(profileDir: string): Promise<void> {
    const device = await this.launch(profileDir);
    try {
      await device.context.setOffline(true);
      const t0 = Date.now();
      await device.page.goto(this.url);
      const shellMs = (await waitUnlockScreen(device.page)) - t0;
      const { submittedAt } = await submitUnlock(device.page, BENCH_PASSWORD);
      const { foundAt } = await waitSearchable(device.page, this.persons.last, 120_000);
      note(`field: offline relaunch: unlock screen after ${(shellMs / 1000).toFixed(2)} s, list searchable ${((foundAt - submittedAt) / 1000).toFixed(2)} s after the password: offline-capable`);
    } catch (error) {
      await this.evidence(device, 'offline-start');
      note(`field: offline relaunch FAILED: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await device.close();
    }
  }

  /** Keystroke search and opening files, on the warm device, with their baselines. */
  private async interactions(device: Device): Promise<Measures> {
    const { page } = device;
    const prefixes = typedPrefixes();
    const stopDiagnosis = PROFILING ? await diagnose(device, this.runDir, 'interactions', 'the searches and file openings') : undefined;
    const search: Latency[] = [];
    const noopKeys: Latency[] = [];
    if (this.want('field.search_p95_ms')) {
      await clearSearch(page);
      await searchBox(page).click();
      await sleep(TAP_TO_KEY_MS);
      for (let i = 0; i < 10; i++) noopKeys.push(await measureInput(page, () => page.keyboard.press('ArrowRight')));
      for (const query of SEARCH_QUERIES) {
        await clearSearch(page);
        await searchBox(page).click();
        // A person's first key comes a moment after the tap that focused the box: the tap's own
        // work (focus, its styles, its frame) is not the keystroke's.
        await sleep(TAP_TO_KEY_MS);
        for (const key of query) search.push(await measureInput(page, () => page.keyboard.press(key)));
        const shown = await page.getByRole('list', { name: 'Liste des personnes' }).getByRole('link').count();
        note(`field: search « ${query} »: ${search.slice(-query.length).map((l) => l.ms.toFixed(0)).join(' / ')} ms per key, ${shown} rows shown`);
      }
    }
    const plain = (await page.evaluate(`${PLAIN_SEARCH}(${JSON.stringify({ persons: this.persons.tuples, queries: prefixes })})`)) as { ms: number; count: number }[];
    note(`field: plain loop over ${this.persons.tuples.length} persons, per prefix (ms): ${plain.map((p) => p.ms.toFixed(1)).join(' / ')}`);

    const open: Latency[] = [];
    const clicks: Latency[] = [];
    if (this.want('field.open_person_p95_ms')) {
      for (const name of this.persons.toOpen) {
        await this.backToList(page);
        await searchBox(page).fill(name);
        const link = personLink(page, name).first();
        await link.waitFor();
        await sleep(500);
        // Baseline first, on the same screen: a click on the title, which changes nothing.
        clicks.push(await measureInput(page, () => heading(page, /Personnes/).first().click()));
        open.push(
          await measureInput(
            page,
            () => link.click(),
            async () => (await heading(page, new RegExp(`^${escapeRegExp(name)}`)).count()) > 0 && !(await progressShown(page)),
          ),
        );
      }
      note(`field: open person (ms): ${open.map((l) => `${l.ms.toFixed(0)}${l.timedOut ? '!' : ''}`).join(' / ')}`);
    }
    await stopDiagnosis?.();
    return { search, noopKeys, plainSearchMs: plain.map((p) => p.ms), open, clicks };
  }

  private async backToList(page: Device['page']): Promise<void> {
    if (await searchBox(page).isVisible()) return;
    await page.goBack().catch(() => undefined);
    try {
      await searchBox(page).waitFor({ timeout: 5000 });
    } catch {
      await page.goto(`${this.url}/personnes`);
      await searchBox(page).waitFor();
    }
  }

  private report(cold: ColdRun[], full: Replay, personReplays: Replay[], personPages: number, warm: WarmResults): void {
    const first = cold[0]!;
    const searchable = cold.map((r) => r.searchableS);
    const personBase = personReplays.map((r) => (r.done.at(-1) ?? 0) / 1000);
    note(`field.searchable_s runs: ${fmtRange(searchable, 1)} s; plain fetch of the ${personPages} person pages: ${fmtRange(personBase, 1)} s`);
    this.figure('field.searchable_s', median(searchable), 's', median(personBase), `plain fetch, one page ahead, of the same ${personPages} person pull pages ${median(personBase).toFixed(1)} s`);
    const fullBase = (full.done.at(-1) ?? 0) / 1000;
    this.figure('field.full_sync_s', first.fullSyncS ?? NaN, first.fullSyncTimedOut ? 's (timed out)' : 's', fullBase, `plain fetch, one page ahead, of the same ${full.done.length} pull pages ${fullBase.toFixed(1)} s`);
    note(`field.warm_start_s runs: ${fmtRange(warm.starts, 2)} s; unlock screen alone: ${fmtRange(warm.shells, 2)} s`);
    this.figure('field.warm_start_s', median(warm.starts), 's', median(warm.shells), `relaunch to the app's unlock screen ${median(warm.shells).toFixed(2)} s`);
    if (warm.open.length > 0) {
      const open = warm.open.map((l) => l.ms);
      const clicks = warm.clicks.map((l) => l.ms);
      note(`field.open_person: ${open.length} files, min ${Math.min(...open).toFixed(0)}, p50 ${percentile(open, 50).toFixed(0)}, p95 ${percentile(open, 95).toFixed(0)}, max ${Math.max(...open).toFixed(0)} ms`);
      this.figure('field.open_person_p95_ms', percentile(open, 95), 'ms', percentile(clicks, 95), `click that changes nothing to next frame p95 ${percentile(clicks, 95).toFixed(0)} ms`);
    }
    if (warm.search.length > 0) {
      const keys = warm.search.map((l) => l.ms);
      note(`field.search: ${keys.length} keystrokes, min ${Math.min(...keys).toFixed(0)}, p50 ${percentile(keys, 50).toFixed(0)}, p95 ${percentile(keys, 95).toFixed(0)}, max ${Math.max(...keys).toFixed(0)} ms`);
      const noop = warm.noopKeys.map((l) => l.ms);
      if (noop.length > 0) note(`field.search: a key that changes nothing (ArrowRight in the empty box) to the next frame: p50 ${percentile(noop, 50).toFixed(0)}, p95 ${percentile(noop, 95).toFixed(0)} ms (the floor of any keystroke here)`);
      const plainP95 = percentile(warm.plainSearchMs, 95);
      this.figure('field.search_p95_ms', percentile(keys, 95), 'ms', plainP95, `plain loop over the same ${this.persons.tuples.length} persons p95 ${plainP95.toFixed(1)} ms`);
    }
    const heapPeak = Math.max(...this.heapPeaks);
    note(`field.heap peaks (MiB, page + Workers) per device run: ${this.heapPeaks.map((h) => (h / MIB).toFixed(0)).join(' / ')}`);
    this.figure('field.heap_peak_mib', heapPeak / MIB, 'MiB', first.heapBeforeLogin / MIB, `the app's login screen ${(first.heapBeforeLogin / MIB).toFixed(1)} MiB`);
    this.figure('field.download_mib', (first.downloadBytes ?? NaN) / MIB, 'MiB', full.bytes / MIB, `the same pull pages by plain fetch ${(full.bytes / MIB).toFixed(1)} MiB`);
    const base = full.tasks?.longestMainTaskMs ?? NaN;
    this.figure('field.longest_task_ms', first.tasks?.longestMainTaskMs ?? NaN, 'ms', base, `plain fetch and JSON parse of the same pages ${base.toFixed(0)} ms`);
  }

  private figure(name: string, value: number, unit: string, baselineValue: number, baseline: string): void {
    if (!this.want(name)) return;
    console.log(formatFigure({ name, value, unit, baselineValue, baseline }));
  }
}

interface Measures {
  search: Latency[];
  /** A key that changes nothing (ArrowRight in the empty search box), to the next frame: the floor of any keystroke. */
  noopKeys: Latency[];
  plainSearchMs: number[];
  open: Latency[];
  clicks: Latency[];
}

interface WarmResults extends Measures {
  starts: number[];
  shells: number[];
}

function fmtTasks(tasks: TaskSummary): string {
  return tasks.longestMainTasks
    .map((t) => `${t.durMs.toFixed(0)} ms at +${(t.startMs / 1000).toFixed(1)} s${Number.isNaN(t.cpuMs) ? '' : ` (${t.cpuMs.toFixed(0)} ms on a CPU)`}`)
    .join(', ');
}

