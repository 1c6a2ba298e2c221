// rotation.*: key rotation of the synthetic organisation after a member left (issue 5, deliverable
// 8; docs/decisions/011-member-exit-and-key-rotation.md). The real server runs as a child process
// (exactly as `npm start` runs it) on a fresh PostgreSQL database, so that this process's CPU time
// is the administrator's client alone. An administrator and 50 members are made through the API
// with real keys, the organisation is loaded, one member is revoked (49 stay: 50 recipients with
// the administrator), and then:
// - rotation.rewrap50_ms: new key versions made and sealed to the 50 recipients (median of runs);
// - rotation.cpu_s / rotation.wall_s: core's runRotation over fetch through an emulated 10 Mbit/s,
//   40 ms network (rotation/network.ts), against a plain re-upload of the same ciphertexts through
//   the same network (rotation/reupload.ts). Each round publishes a new version and runs both.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CryptoPrimitives } from '@relais/core';
import { createRecordCodec, nextKeyVersions, rewrapRecord, sealNewKeys, withKeys, type OrgKey } from '@relais/core/crypto/index';
import { PullResponse, type KeyKind, type PublishKeysRequest, type RotationRecipient } from '@relais/core/protocol';
import { runRotation, type RotationCursor, type RotationCursorStore, type RotationReport } from '@relais/core/rotation/driver';
import pg from 'pg';
import { ServerProcess } from '../../e2e/src/harness/server.ts';
import { withBenchServer } from './bench-server.ts';
import type { SyntheticOrganisation } from './generator.ts';
import { loadOrganisation } from './load.ts';
import { fmtRange, formatFigure, median, note, percentile, type Want } from './report.ts';
import { AdminApi } from './rotation/api.ts';
import { measureKeySealing } from './rotation/key-sealing.ts';
import { addMembers, createAdmin, revoke, type Admin } from './rotation/members.ts';
import { EmulatedLink, FIELD_LINK, LOOPBACK, type LinkCounters, type LinkSettings } from './rotation/network.ts';
import { reupload } from './rotation/reupload.ts';
import { loadPrimitives, platformRandom } from './seal.ts';

export const ROTATION_FIGURES = ['rotation.cpu_s', 'rotation.wall_s', 'rotation.rewrap50_ms'];

/** Members who stay besides the administrator: 50 recipients of the new keys. */
const STAYING = 49;
/** Records per page and per rewrap: the web runner's batch (the server's MAX_PUSH_CHANGES). */
const PAGE_SIZE = 500;
const KEY_SEALING_RUNS = Number(process.env.BENCH_ROTATION_KEY_RUNS ?? '51');
const ROTATED: readonly KeyKind[] = ['general'];
/** BENCH_ROTATION_NETWORK=loopback: no emulation, a diagnostic of what is not the network (not for the figures). */
const SETTINGS = process.env.BENCH_ROTATION_NETWORK === 'loopback' ? LOOPBACK : FIELD_LINK;

/** One driver pass and one re-upload pass each take 3–4.5 min at size L on the emulated network here. */
function rounds(org: SyntheticOrganisation): number {
  return Number(process.env.BENCH_ROTATION_RUNS ?? (org.size === 'S' ? '3' : '1'));
}

interface Pass {
  wallS: number;
  cpuS: number;
  serverCpuS: number | undefined;
  link: LinkCounters;
}

/** What the web Worker keeps in IndexedDB, in memory: the driver saves its cursor after every batch. */
class MemoryCursorStore implements RotationCursorStore {
  readonly #cursors = new Map<KeyKind, RotationCursor>();
  async load(kind: KeyKind): Promise<RotationCursor | null> {
    return this.#cursors.get(kind) ?? null;
  }
  async save(cursor: RotationCursor): Promise<void> {
    this.#cursors.set(cursor.kind, { ...cursor, failed: [...cursor.failed] });
  }
}

export async function benchRotation(org: SyntheticOrganisation, want: Want): Promise<void> {
  const runDir = mkdtempSync(join(tmpdir(), 'relais-bench-rotation-'));
  const network = SETTINGS === LOOPBACK ? 'loopback, not emulated (diagnostic)' : `${(SETTINGS.rate * 8) / 1e6} Mbit/s each way, ${SETTINGS.latencyMs} ms per request, burst ${SETTINGS.burst} B`;
  note(`rotation: network ${network}; server log in ${runDir}`);
  try {
    await withBenchServer('rotation', runDir, (server, databaseUrl) => new RotationBench(org, server, databaseUrl, want).run());
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

class RotationBench {
  readonly #random = platformRandom();
  readonly #link = new EmulatedLink(SETTINGS);

  constructor(
    private readonly org: SyntheticOrganisation,
    private readonly server: ServerProcess,
    private readonly databaseUrl: string,
    private readonly want: Want,
  ) {}

  async run(): Promise<void> {
    const { org, server } = this;
    const p = await loadPrimitives();
    let t0 = performance.now();
    const admin = await createAdmin(p, this.#random, org, server.url);
    const members = await addMembers(p, this.#random, org, admin, server.url, STAYING + 1);
    note(`rotation: administrator and ${members.length} members invited, accepted and confirmed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await loadOrganisation(org, { baseUrl: server.url, token: admin.token }, 'rotation');
    await this.analyze();
    await revoke(admin, server.url, members[STAYING]!);

    const api = new AdminApi(this.#link.fetch, server.url, admin.token);
    const status = await api.status();
    const due = status.kinds.filter((kind) => kind.rotationNeeded).map((kind) => kind.kind);
    if (due.join() !== ROTATED.join()) throw new Error(`rotation due for ${due.join(', ')}, expected ${ROTATED.join(', ')}`);
    if (status.recipients.length !== STAYING + 1) throw new Error(`${status.recipients.length} recipients, expected ${STAYING + 1}`);

    t0 = performance.now();
    const sealing = measureKeySealing(p, this.#random, admin.keyring, status.recipients, ROTATED, KEY_SEALING_RUNS);
    note(
      `rotation.rewrap50: ${sealing.boxes} boxes for ${status.recipients.length} recipients, ${KEY_SEALING_RUNS} runs (ms): ${spread(sealing.rotation)}; ` +
        `sealOrgKey × ${sealing.boxes}: ${spread(sealing.raw)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    if (this.want('rotation.rewrap50_ms')) {
      console.log(
        formatFigure({
          name: 'rotation.rewrap50_ms',
          value: median(sealing.rotation),
          unit: 'ms',
          baselineValue: median(sealing.raw),
          baseline: `sealOrgKey of one key to one member × ${sealing.boxes} ${median(sealing.raw).toFixed(2)} ms`,
        }),
      );
    }
    if (!this.want('rotation.cpu_s') && !this.want('rotation.wall_s')) return;

    const driver: Pass[] = [];
    const baseline: Pass[] = [];
    let next: { fresh: OrgKey[]; request: PublishKeysRequest } = sealing.last;
    const count = rounds(org);
    for (let round = 1; round <= count; round++) {
      const published = await api.publish(next.request);
      admin.keyring = withKeys(admin.keyring, next.fresh);
      const general = published.kinds.find((kind) => kind.kind === 'general')!;
      if (general.remaining !== org.count) throw new Error(`${general.remaining} records under an older key, expected ${org.count}`);

      if (round === 1) await this.warmUp(p, api, admin);
      const plain = await this.pass(() => reupload(api, this.#random, 'general', general.remaining, PAGE_SIZE));
      baseline.push(plain);
      let report: RotationReport | undefined;
      const rotated = await this.pass(async () => {
        report = await runRotation({
          transport: api.transport(),
          store: new MemoryCursorStore(),
          reencrypt: (record) => rewrapRecord(p, this.#random, admin.keyring, record),
          pageSize: PAGE_SIZE,
        });
      });
      driver.push(rotated);
      await this.check(api, admin, report, general.currentVersion);
      note(`rotation round ${round}/${count} (general v${general.currentVersion}, ${org.count} records): ${describe('driver', rotated)}; ${describe('re-upload', plain)}`);
      next = this.nextVersions(p, admin, published.recipients);
    }

    const wall = { driver: median(driver.map((d) => d.wallS)), baseline: median(baseline.map((b) => b.wallS)) };
    const cpu = { driver: median(driver.map((d) => d.cpuS)), baseline: median(baseline.map((b) => b.cpuS)) };
    if (count > 1) {
      note(`rotation: ${count} rounds; driver wall ${fmtRange(driver.map((d) => d.wallS), 1)} s, CPU ${fmtRange(driver.map((d) => d.cpuS), 1)} s; re-upload wall ${fmtRange(baseline.map((b) => b.wallS), 1)} s, CPU ${fmtRange(baseline.map((b) => b.cpuS), 1)} s`);
    }
    if (this.want('rotation.cpu_s')) {
      console.log(formatFigure({ name: 'rotation.cpu_s', value: cpu.driver, unit: 's', baselineValue: cpu.baseline, baseline: `client CPU of a plain re-upload of the same ciphertexts ${cpu.baseline.toFixed(2)} s` }));
    }
    if (this.want('rotation.wall_s')) {
      console.log(formatFigure({ name: 'rotation.wall_s', value: wall.driver, unit: 's', baselineValue: wall.baseline, baseline: `plain re-upload of the same ciphertexts ${SETTINGS === LOOPBACK ? 'on loopback' : 'at 10 Mbit/s, 40 ms'} ${wall.baseline.toFixed(1)} s` }));
    }
  }

  /**
   * Before the first timed passes, both code paths once on one page, so that neither pays for
   * the JIT and the connection alone: the page is re-uploaded (it stays under the old key, still
   * counted in `remaining`) and its records re-encrypted here without being sent.
   */
  private async warmUp(p: CryptoPrimitives, api: AdminApi, admin: Admin): Promise<void> {
    const page = await api.page('general', 0, PAGE_SIZE);
    for (const record of page.records) rewrapRecord(p, this.#random, admin.keyring, record);
    await reupload(api, this.#random, 'general', page.records.length, PAGE_SIZE);
  }

  /** Wall time, this process's CPU time (user + system, every thread) and the server's, around `work`. */
  private async pass(work: () => Promise<unknown>): Promise<Pass> {
    const before = { ...this.#link.counters };
    const serverBefore = this.serverCpuS();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await work();
    const wallS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const serverAfter = this.serverCpuS();
    return {
      wallS,
      cpuS: (cpu.user + cpu.system) / 1e6,
      serverCpuS: serverBefore === undefined || serverAfter === undefined ? undefined : serverAfter - serverBefore,
      link: this.#link.since(before),
    };
  }

  /** The server process's CPU seconds from /proc (Linux; its pid is in the harness's first log line). */
  private serverCpuS(): number | undefined {
    const pid = /starting server pid (\d+)/.exec(this.server.text())?.[1];
    if (pid === undefined) return undefined;
    try {
      // Fields 14 and 15 (utime, stime) in clock ticks of 1/100 s, after the parenthesised command name.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return undefined;
    }
  }

  /**
   * The driver finished with every record rewrapped and none failed, the server counts none left
   * under an older version, and the first page a member would pull opens with the new key.
   */
  private async check(api: AdminApi, admin: Admin, report: RotationReport | undefined, version: number): Promise<void> {
    const general = report?.kinds.find((kind) => kind.kind === 'general');
    if (report?.finished !== true || general?.rewrapped !== this.org.count || general.failed.length > 0) {
      throw new Error(`rotation report: ${JSON.stringify(report).slice(0, 500)}`);
    }
    const after = await api.status();
    const left = after.kinds.reduce((sum, kind) => sum + kind.remaining, 0);
    if (left !== 0) throw new Error(`${left} records still under an older key after the rotation`);
    const response = await fetch(`${this.server.url}/api/sync/pull?since=0&limit=1000`, { headers: { authorization: `Bearer ${admin.token}` } });
    const page = PullResponse.parse(await response.json());
    const codec = createRecordCodec(await loadPrimitives(), this.#random, admin.keyring);
    for (const record of page.changes) {
      if (record.keyVersion !== version) throw new Error(`${record.collection}/${record.id} under key version ${record.keyVersion}, expected ${version}`);
      codec.decrypt(record.collection, record.id, record.keyVersion, record.ciphertext);
    }
  }

  /** The next round's rotation: an administrator may rotate again without a revocation (a lost phone). */
  private nextVersions(p: CryptoPrimitives, admin: Admin, recipients: readonly RotationRecipient[]): { fresh: OrgKey[]; request: PublishKeysRequest } {
    const fresh = nextKeyVersions(this.#random, admin.keyring, ROTATED);
    return { fresh, request: sealNewKeys(p, admin.keyring.organisationId, fresh, recipients) };
  }

  /** Planner statistics, as autovacuum would have them within a minute of the bulk load (see server.bench.ts). */
  private async analyze(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
  }
}

function spread(values: readonly number[]): string {
  return `min ${Math.min(...values).toFixed(2)}, p25 ${percentile(values, 25).toFixed(2)}, median ${median(values).toFixed(2)}, p75 ${percentile(values, 75).toFixed(2)}, max ${Math.max(...values).toFixed(2)}`;
}

function describe(label: string, pass: Pass): string {
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const server = pass.serverCpuS === undefined ? '' : `, server process CPU ${pass.serverCpuS.toFixed(1)} s`;
  return (
    `${label} ${pass.wallS.toFixed(1)} s wall (the network alone ${networkFloorS(pass.link).toFixed(1)} s), ${pass.cpuS.toFixed(2)} s client CPU${server}, ` +
    `${pass.link.requests} requests, ${mib(pass.link.bytesUp)} MiB up, ${mib(pass.link.bytesDown)} MiB down`
  );
}

/** The least a pass can take on the emulated link when requests go one at a time: every byte at the rate, plus the latency of each request. */
function networkFloorS(link: LinkCounters, settings: LinkSettings = SETTINGS): number {
  return (link.bytesUp + link.bytesDown) / settings.rate + (link.requests * settings.latencyMs) / 1000;
}
