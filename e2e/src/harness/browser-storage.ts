// Reads everything a page's origin keeps on the device: every record of every object store of every
// IndexedDB database (keys and values), localStorage, sessionStorage and the Cache Storage.
// Binary values (ArrayBuffer, typed arrays, Blobs) come back as bytes so that the canary search sees
// them as text, hex and base64.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Haystack } from './canary.ts';
import { serialiseValue } from './table-dump.ts';

// Plain JavaScript on purpose: a TypeScript function passed to page.evaluate is transpiled by the
// test runner, which may add helpers (such as __name) that do not exist in the page.
const READ_STORAGE_SCRIPT = String.raw`(async () => {
  const toBase64 = (bytes) => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  const tree = async (value) => {
    if (value === null || value === undefined) return null;
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return value;
    if (type === 'bigint') return { $bigint: String(value) };
    if (value instanceof ArrayBuffer) return { $bytes: toBase64(new Uint8Array(value)) };
    if (ArrayBuffer.isView(value)) return { $bytes: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
    if (value instanceof Blob) return { $bytes: toBase64(new Uint8Array(await value.arrayBuffer())), $blobType: value.type };
    if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString() };
    if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) {
      const described = { type: value.type, extractable: value.extractable, algorithm: value.algorithm.name, usages: value.usages };
      if (value.extractable) described.exported = await tree(await crypto.subtle.exportKey('jwk', value).catch(() => null));
      return { $cryptoKey: described };
    }
    if (value instanceof Map) {
      const entries = [];
      for (const [key, inner] of value) entries.push([await tree(key), await tree(inner)]);
      return { $map: entries };
    }
    if (value instanceof Set) {
      const items = [];
      for (const inner of value) items.push(await tree(inner));
      return { $set: items };
    }
    if (Array.isArray(value)) {
      const items = [];
      for (const inner of value) items.push(await tree(inner));
      return items;
    }
    if (type === 'object') {
      const out = {};
      for (const [key, inner] of Object.entries(value)) out[key] = await tree(inner);
      return out;
    }
    return String(value);
  };
  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const result = { databases: [], records: [], localStorage: [], sessionStorage: [], caches: [] };
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await new Promise((resolve, reject) => {
      const opening = indexedDB.open(info.name);
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
      opening.onblocked = () => reject(new Error('IndexedDB open blocked: ' + info.name));
    });
    try {
      const stores = [...db.objectStoreNames];
      result.databases.push({ name: info.name, version: db.version, stores });
      for (const storeName of stores) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        for (let i = 0; i < values.length; i += 1) {
          result.records.push({ database: info.name, store: storeName, key: await tree(keys[i]), value: await tree(values[i]) });
        }
      }
    } finally {
      db.close();
    }
  }
  for (const [target, storage] of [[result.localStorage, localStorage], [result.sessionStorage, sessionStorage]]) {
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      target.push({ key, value: storage.getItem(key) });
    }
  }
  if (typeof caches !== 'undefined') {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const cached of await cache.keys()) {
        const response = await cache.match(cached);
        const bytes = response ? new Uint8Array(await response.arrayBuffer()) : new Uint8Array();
        result.caches.push({ cache: name, url: cached.url, body: { $bytes: toBase64(bytes) } });
      }
    }
  }
  return result;
})()`;

export interface StoredRecord {
  readonly database: string;
  readonly store: string;
  readonly key: unknown;
  readonly value: unknown;
}

export interface BrowserStorageDump {
  readonly databases: { name: string; version: number; stores: string[] }[];
  readonly records: StoredRecord[];
  readonly localStorage: { key: string; value: string }[];
  readonly sessionStorage: { key: string; value: string }[];
  readonly caches: { cache: string; url: string; body: unknown }[];
}

export async function readBrowserStorage(page: Page): Promise<BrowserStorageDump> {
  return (await page.evaluate(READ_STORAGE_SCRIPT)) as BrowserStorageDump;
}

/** Turns the `{ $bytes: base64 }` markers back into bytes so every binary form gets searched. */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const bytes = (value as { $bytes?: unknown }).$bytes;
    if (typeof bytes === 'string') return Buffer.from(bytes, 'base64');
    return Object.fromEntries(entries.map(([key, inner]) => [key, revive(inner)]));
  }
  return value;
}

export function renderStored(value: unknown): string {
  return serialiseValue(revive(value));
}

export function storageHaystacks(device: string, dump: BrowserStorageDump): Haystack[] {
  return [
    ...dump.records.map((record, index) => ({
      where: `${device} IndexedDB ${record.database}/${record.store} record ${index}`,
      text: `key=${renderStored(record.key)} value=${renderStored(record.value)}`,
    })),
    ...dump.localStorage.map((entry) => ({ where: `${device} localStorage ${entry.key}`, text: `${entry.key}=${entry.value}` })),
    ...dump.sessionStorage.map((entry) => ({ where: `${device} sessionStorage ${entry.key}`, text: `${entry.key}=${entry.value}` })),
    ...dump.caches.map((entry) => ({ where: `${device} Cache Storage ${entry.cache} ${entry.url}`, text: renderStored(entry.body) })),
  ];
}

export function writeStorageDump(file: string, device: string, dump: BrowserStorageDump): void {
  const lines = [
    `databases: ${JSON.stringify(dump.databases)}`,
    ...storageHaystacks(device, dump)
      .filter((haystack) => !haystack.where.includes('Cache Storage'))
      .map((haystack) => `${haystack.where}: ${haystack.text}`),
    ...dump.caches.map((entry) => `Cache Storage ${entry.cache} ${entry.url}`),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
}
