// Turns a position in the built web app (a CPU profile's minified function) back into the source
// file, line and name, with the .map files Vite writes next to each chunk. A small decoder of the
// source map v3 "mappings" (base64 VLQ), enough for looking up one position.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface RawMap {
  sources: string[];
  names?: string[];
  mappings: string;
}

/** [generated column, source index, source line, source column, name index?] per segment, per generated line. */
type Segment = [number, number, number, number, number | undefined];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
  for (const line of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const text of line.split(',')) {
      if (text === '') continue;
      const values = decodeVlq(text);
      column += values[0]!;
      if (values.length < 4) continue;
      source += values[1]!;
      sourceLine += values[2]!;
      sourceColumn += values[3]!;
      let nameIndex: number | undefined;
      if (values.length >= 5) {
        name += values[4]!;
        nameIndex = name;
      }
      segments.push([column, source, sourceLine, sourceColumn, nameIndex]);
    }
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`not base64 VLQ: ${text}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

export class SourceMap {
  private readonly lines: Segment[][];

  constructor(private readonly raw: RawMap) {
    this.lines = decodeMappings(raw.mappings);
  }

  /** The original place of a 0-based generated line and column: the last segment at or before it. */
  lookup(line: number, column: number): { source: string; line: number; name: string | undefined } | undefined {
    const segments = this.lines[line];
    if (segments === undefined || segments.length === 0) return undefined;
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid]![0] <= column) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return undefined;
    const [, source, sourceLine, , nameIndex] = segments[found]!;
    return {
      source: this.raw.sources[source] ?? '?',
      line: sourceLine + 1,
      name: nameIndex === undefined ? undefined : this.raw.names?.[nameIndex],
    };
  }
}

/** Source maps of the built app, read once per chunk from `dist/assets`. */
export class BuiltApp {
  private readonly maps = new Map<string, SourceMap | null>();

  constructor(private readonly dist: string) {}

  /** "src/data/mirror.ts:42" for a position in a chunk served at `url`, or undefined. */
  describe(url: string, line: number, column: number): string | undefined {
    const file = url.split('?')[0]!.split('/').pop() ?? '';
    if (!file.endsWith('.js')) return undefined;
    let map = this.maps.get(file);
    if (map === undefined) {
      const path = join(this.dist, 'assets', `${file}.map`);
      map = existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8')) as RawMap) : null;
      this.maps.set(file, map);
    }
    const place = map?.lookup(line, column);
    if (place === undefined) return undefined;
    const source = place.source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '');
    return `${source}:${place.line}`;
  }
}
