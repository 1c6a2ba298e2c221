// Draws the app icons (a white link mark on the brand colour) as PNG without any image
// library: `node scripts/make-icons.mjs` rewrites public/icons/*.png and public/favicon.svg.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { URL } from 'node:url';

const BRAND = [0x0b, 0x55, 0x63];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 255] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // 4×4 supersampling for smooth edges.
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const [pr, pg, pb, pa] = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          r += pr * pa; g += pg * pa; b += pb * pa; a += pa;
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / 16) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Two interlaced rings: a link, one team handing over to the next. `inset` shrinks the mark for the
// maskable icon, whose outer 10 % may be cut off by the launcher.
function mark(u, v, inset) {
  const s = 1 - 2 * inset;
  const x = (u - inset) / s;
  const y = (v - inset) / s;
  const ring = (cx, cy) => {
    const d = Math.hypot(x - cx, y - cy);
    return d > 0.1 && d < 0.17;
  };
  return ring(0.39, 0.5) || ring(0.61, 0.5);
}

function rounded(u, v, radius) {
  const dx = Math.max(radius - u, u - (1 - radius), 0);
  const dy = Math.max(radius - v, v - (1 - radius), 0);
  return Math.hypot(dx, dy) <= radius;
}

const icon = (inset, full) => (u, v) => {
  if (!full && !rounded(u, v, 0.18)) return [0, 0, 0, 0];
  return mark(u, v, inset) ? [...WHITE, 1] : [...BRAND, 1];
};

writeFileSync(new URL('../public/icons/icon-192.png', import.meta.url), png(192, icon(0.06, false)));
writeFileSync(new URL('../public/icons/icon-512.png', import.meta.url), png(512, icon(0.06, false)));
writeFileSync(new URL('../public/icons/icon-maskable-512.png', import.meta.url), png(512, icon(0.16, true)));
writeFileSync(
  new URL('../public/favicon.svg', import.meta.url),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#0b5563"/>` +
    `<g fill="none" stroke="#fff" stroke-width="6.6"><circle cx="39.5" cy="50" r="12.5"/><circle cx="60.5" cy="50" r="12.5"/></g></svg>\n`,
);
