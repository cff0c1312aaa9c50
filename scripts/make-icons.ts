/**
 * Draws the app's icons (decision 070): a yellow five-pointed star on the brand's red, as PNG files
 * in public/icons/ and a favicon.ico holding a 32-pixel PNG. No image library and nothing fetched:
 * each pixel is sampled 4×4 times against the star's polygon, and the PNG is written with zlib.
 * Run once after a change of design (`npx tsx scripts/make-icons.ts`); the files are committed.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const RED = [0xb4, 0x23, 0x18];
const YELLOW = [0xff, 0xd7, 0x00];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The star's corners, centred at (cx, cy) with outer radius r, one point up. */
function star(cx: number, cy: number, r: number): [number, number][] {
  const inner = r * 0.382;
  return Array.from({ length: 10 }, (_, i) => {
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? r : inner;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as [number, number];
  });
}
function inside(poly: [number, number][], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** An RGB PNG of `size` pixels; `scale`: the star's radius as a share of the side (smaller for maskable icons). */
function png(size: number, scale: number): Buffer {
  const poly = star(size / 2, size / 2 + size * 0.03, size * scale);
  const raw = Buffer.alloc(size * (size * 3 + 1));
  const samples = 4;
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    raw[row] = 0; // no filter
    for (let x = 0; x < size; x++) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) for (let sx = 0; sx < samples; sx++) if (inside(poly, x + (sx + 0.5) / samples, y + (sy + 0.5) / samples)) covered++;
      const share = covered / (samples * samples);
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = Math.round(RED[c] * (1 - share) + YELLOW[c] * share);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** An .ico file holding one PNG image (every browser since 2010 reads PNG inside ICO). */
function ico(image: Buffer, size: number): Buffer {
  const head = Buffer.alloc(6 + 16);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // icon
  head.writeUInt16LE(1, 4); // one image
  head[6] = size;
  head[7] = size;
  head.writeUInt16LE(1, 10); // planes
  head.writeUInt16LE(32, 12); // bits per pixel
  head.writeUInt32LE(image.length, 14);
  head.writeUInt32LE(22, 18);
  return Buffer.concat([head, image]);
}

writeFileSync("public/icons/icon-192.png", png(192, 0.36));
writeFileSync("public/icons/icon-512.png", png(512, 0.36));
// Maskable: the star inside the safe circle (80 % of the side), the red to the edges.
writeFileSync("public/icons/maskable-512.png", png(512, 0.26));
writeFileSync("public/icons/apple-touch-icon.png", png(180, 0.36));
writeFileSync("public/favicon.ico", ico(png(32, 0.4), 32));
console.log("icons written to public/icons/ and public/favicon.ico");
