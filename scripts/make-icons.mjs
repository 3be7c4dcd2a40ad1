/**
 * Draws the add-in icons (assets/icon-<size>.png) with Node built-ins only (zlib for PNG).
 * The mark: three rising bars on a green tile, the last one a gold arrow crossing a dashed
 * gold threshold — an enterprise growing past the 规模以上 (2000 万元) line.
 *
 *   node scripts/make-icons.mjs            write assets/icon-{16,32,64,80,128}.png
 *   node scripts/make-icons.mjs --check    exit 1 if the committed icons differ from the drawing
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { ICON_SIZES, iconFile, ROOT } = require("./addin-layout.cjs");

const TILE = [0x10, 0x7c, 0x41]; // Excel green
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xff, 0xc8, 0x3d];

/** Shapes in unit coordinates (0..1, y down); later shapes paint over earlier ones. */
const SHAPES = [
  { kind: "roundRect", x0: 0, y0: 0, x1: 1, y1: 1, r: 0.2, color: TILE },
  // the 规上 threshold, dashed
  ...[0.1, 0.3, 0.5, 0.7].map((x) => ({ kind: "rect", x0: x, y0: 0.47, x1: x + 0.12, y1: 0.52, color: GOLD })),
  { kind: "rect", x0: 0.14, y0: 0.62, x1: 0.32, y1: 0.86, color: WHITE },
  { kind: "rect", x0: 0.4, y0: 0.55, x1: 0.58, y1: 0.86, color: WHITE },
  { kind: "rect", x0: 0.66, y0: 0.34, x1: 0.84, y1: 0.86, color: GOLD },
  { kind: "triangle", apex: [0.75, 0.1], y1: 0.36, x0: 0.56, x1: 0.94, color: GOLD }, // arrow head
];

function inside(shape, x, y) {
  if (shape.kind === "triangle") {
    const [ax, ay] = shape.apex;
    if (y < ay || y > shape.y1) return false;
    const t = (y - ay) / (shape.y1 - ay);
    return x >= ax + (shape.x0 - ax) * t && x <= ax + (shape.x1 - ax) * t;
  }
  if (x < shape.x0 || x > shape.x1 || y < shape.y0 || y > shape.y1) return false;
  if (shape.kind === "rect") return true;
  // Rounded corners: outside the quarter circles at each corner.
  const cx = Math.min(Math.max(x, shape.x0 + shape.r), shape.x1 - shape.r);
  const cy = Math.min(Math.max(y, shape.y0 + shape.r), shape.y1 - shape.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= shape.r ** 2;
}

/** RGBA pixels, anti-aliased by 8×8 supersampling. */
export function drawIcon(size) {
  const samples = 8;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color = null;
          for (const shape of SHAPES) if (inside(shape, x, y)) color = shape.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
        pixels[i + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour+alpha, 8-bit, non-interlaced PNG. */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4)); // filter: none
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const size of ICON_SIZES) {
    const file = path.join(ROOT, iconFile(size));
    const png = encodePng(size, drawIcon(size));
    if (check) {
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(png)) {
        console.error(`图标过期 / stale icon: ${iconFile(size)} (run npm run icons)`);
        stale++;
      }
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, png);
      console.log(`${iconFile(size)}  ${png.length} bytes`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) main();
