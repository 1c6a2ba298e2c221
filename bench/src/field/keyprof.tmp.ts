import { readFileSync } from 'node:fs';
import { BuiltApp } from './sourcemap.ts';
import { WEB_DIST } from '../../../e2e/src/harness/paths.ts';
const [traceFile, profileFile, kind = 'keydown', windowMs = '16'] = process.argv.slice(2);
const events = JSON.parse(readFileSync(traceFile!, 'utf8')) as { name: string; ph: string; pid: number; tid: number; ts: number; args?: { name?: string; data?: { type?: string } } }[];
const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'EventDispatch'))!;
const inputs = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'EventDispatch' && e.args?.data?.type === kind).map((e) => e.ts);
const profile = JSON.parse(readFileSync(profileFile!, 'utf8')) as { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; startTime: number; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const built = new BuiltApp(WEB_DIST);
const self = new Map<string, number>();
let t = profile.startTime;
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i]!;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  if (!inputs.some((x) => t >= x && t < x + Number(windowMs) * 1000)) continue;
  const n = byId.get(profile.samples[i]!)!;
  const cf = n.callFrame;
  const where = cf.url ? built.describe(cf.url, cf.lineNumber, cf.columnNumber) : '';
  const key = `${cf.functionName || '(anon)'} ${where}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
}
console.log(`${inputs.length} ${kind} windows, ${total.toFixed(0)} ms sampled`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(7), k);
