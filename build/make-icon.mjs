// Writes build/icon.png (512x512, app icon) and build/tray.png (32x32, tray icon): RGBA PNGs of a blue rounded
// square with two white "ticket" bars. Pure Node (zlib), no image tools. Usage: node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const BLUE = [34, 139, 230];
const WHITE = [255, 255, 255];

/** The design is drawn on a 512 grid and scaled to `size`. */
function render(size) {
  const scale = size / 512;
  const radius = 96 * scale;
  /** Coverage (0..1) of pixel (x, y) by a rounded square spanning the whole image, with 1px anti-aliasing. */
  function roundedSquareAlpha(x, y) {
    const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
    const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
    const distance = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
    return Math.min(1, Math.max(0, radius - distance + 0.5));
  }
  function isBar(x, y) {
    const [gx, gy] = [x / scale, y / scale];
    return (gx >= 128 && gx < 384 && gy >= 176 && gy < 224) || (gx >= 128 && gx < 320 && gy >= 288 && gy < 336);
  }
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = isBar(x, y) ? WHITE : BLUE;
      raw.set([r, g, b, Math.round(255 * roundedSquareAlpha(x, y))], row + 1 + x * 4);
    }
  }
  return raw;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(render(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, size] of [
  ['icon.png', 512],
  ['tray.png', 32],
]) {
  const out = new URL(`./${name}`, import.meta.url);
  const data = png(size);
  writeFileSync(out, data);
  console.log(`wrote ${out.pathname} (${data.length} bytes)`);
}
