// Runs the real server as a child process, exactly as `npm start` does, and keeps every line it
// prints (the canary test reads them all; a failing test shows them).
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { REPO_ROOT, WEB_DIST } from './paths.ts';

export interface LogLine {
  readonly stream: 'stdout' | 'stderr';
  readonly line: string;
}

export interface ServerOptions {
  readonly port: number;
  /** Extra environment: DATA_DIR for PGlite or DATABASE_URL for PostgreSQL. */
  readonly env: Readonly<Record<string, string>>;
  /** File that receives every log line (appended across restarts). */
  readonly logFile: string;
  readonly startTimeoutMs?: number;
  /** Script run with `node --import tsx`, relative to the repository root. */
  readonly entry?: string;
}

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** False when the server ignored SIGTERM and had to be killed. */
  readonly graceful: boolean;
}

export class ServerProcess {
  readonly url: string;
  readonly logs: LogLine[] = [];
  private child: ChildProcess | undefined;
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;

  constructor(private readonly options: ServerOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
    writeFileSync(options.logFile, '');
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** The server's process id while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    if (this.child !== undefined) throw new Error('server already running');
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(this.options.port), HOST: '127.0.0.1', WEB_DIST, ...this.options.env };
    if (!('DATABASE_URL' in this.options.env)) delete env.DATABASE_URL;
    if (!('DATA_DIR' in this.options.env)) delete env.DATA_DIR;
    const child = spawn(process.execPath, ['--import', 'tsx', this.options.entry ?? 'packages/server/src/main.ts'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.note('stdout', `[e2e] starting server pid ${child.pid ?? '?'} on port ${this.options.port}`);
    this.capture(child, 'stdout');
    this.capture(child, 'stderr');
    this.exited = new Promise((resolveExit) => {
      child.once('exit', (code, signal) => {
        this.note('stdout', `[e2e] server exited code=${code} signal=${signal}`);
        this.child = undefined;
        resolveExit({ code, signal });
      });
    });
    await this.waitHealthy(this.options.startTimeoutMs ?? 120_000);
  }

  /** SIGTERM, then SIGKILL if the server has not shut down within the grace period. */
  async stop(graceMs = 20_000): Promise<ExitInfo> {
    const child = this.child;
    const exited = this.exited;
    if (child === undefined || exited === undefined) return { code: null, signal: null, graceful: true };
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout('timeout'), graceMs);
    });
    const first = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (first !== 'timeout') return { ...first, graceful: true };
    child.kill('SIGKILL');
    return { ...(await exited), graceful: false };
  }

  text(): string {
    return this.logs.map((entry) => `${entry.stream}: ${entry.line}`).join('\n');
  }

  private note(stream: LogLine['stream'], line: string): void {
    this.logs.push({ stream, line });
    appendFileSync(this.options.logFile, `${stream}: ${line}\n`);
  }

  private capture(child: ChildProcess, stream: LogLine['stream']): void {
    const source = stream === 'stdout' ? child.stdout : child.stderr;
    if (source === null) return;
    createInterface({ input: source, crlfDelay: Infinity }).on('line', (line) => this.note(stream, line));
  }

  private async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child === undefined) {
        throw new Error(`server exited before it was healthy; its output:\n${this.text()}`);
      }
      try {
        const response = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 250));
    }
    await this.stop(2_000);
    throw new Error(`server not healthy after ${timeoutMs} ms; its output:\n${this.text()}`);
  }
}
