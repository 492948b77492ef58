// Draws the demo articles' photos (resources/demo/photos/*.png). We don't have the seed articles'
// real photos, so each picture is a plain illustration of what its caption says: a park panorama,
// standard factory halls, an exhibition stand, a new-town industrial base, a production workshop.
// Deterministic (a seeded generator, no clock): running it twice writes the same bytes, so the
// photos' content hashes — which documents refer to — stay put.
//
//   node_modules/.bin/node scripts/make-demo-photos.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { seededRandom as rng } from '../test/support/seeded-random.ts';

const W = 1200;
const H = 800;
/** Drawn at SS× and box-filtered down: edges come out anti-aliased. */
const SS = 2;

type RGB = readonly [number, number, number];
type Pt = readonly [number, number];

function hex(s: string): RGB {
  const n = parseInt(s.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
function mix(a: RGB, b: RGB, t: number): RGB {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}
const shade = (c: RGB, f: number): RGB => [c[0] * f, c[1] * f, c[2] * f];


class Canvas {
  readonly w = W * SS;
  readonly h = H * SS;
  readonly px = new Float32Array(this.w * this.h * 3);

  private blend(i: number, c: RGB, a: number): void {
    const p = this.px;
    p[i] = p[i]! + (c[0] - p[i]!) * a;
    p[i + 1] = p[i + 1]! + (c[1] - p[i + 1]!) * a;
    p[i + 2] = p[i + 2]! + (c[2] - p[i + 2]!) * a;
  }

  /** Vertical gradient over a rectangle; stops are [position 0..1, colour]. */
  gradient(x: number, y: number, w: number, h: number, stops: [number, RGB][]): void {
    const y0 = Math.max(0, Math.round(y * SS));
    const y1 = Math.min(this.h, Math.round((y + h) * SS));
    const x0 = Math.max(0, Math.round(x * SS));
    const x1 = Math.min(this.w, Math.round((x + w) * SS));
    for (let yy = y0; yy < y1; yy++) {
      const t = (yy - y * SS) / (h * SS);
      let k = 0;
      while (k < stops.length - 2 && t > stops[k + 1]![0]) k++;
      const [ta, ca] = stops[k]!;
      const [tb, cb] = stops[k + 1] ?? stops[k]!;
      const c = mix(ca, cb, tb > ta ? Math.min(1, Math.max(0, (t - ta) / (tb - ta))) : 0);
      for (let xx = x0; xx < x1; xx++) this.blend((yy * this.w + xx) * 3, c, 1);
    }
  }

  rect(x: number, y: number, w: number, h: number, c: RGB, a = 1): void {
    this.poly(
      [
        [x, y],
        [x + w, y],
        [x + w, y + h],
        [x, y + h],
      ],
      c,
      a,
    );
  }

  /** Scanline fill (even-odd) of a polygon given in output pixels. */
  poly(pts: readonly Pt[], c: RGB, a = 1): void {
    const s = pts.map(([x, y]) => [x * SS, y * SS] as const);
    const ys = s.map((p) => p[1]);
    const yMin = Math.max(0, Math.floor(Math.min(...ys)));
    const yMax = Math.min(this.h - 1, Math.ceil(Math.max(...ys)));
    const xs: number[] = [];
    for (let y = yMin; y <= yMax; y++) {
      const cy = y + 0.5;
      xs.length = 0;
      for (let i = 0; i < s.length; i++) {
        const [ax, ay] = s[i]!;
        const [bx, by] = s[(i + 1) % s.length]!;
        if (ay <= cy === by <= cy) continue;
        xs.push(ax + ((cy - ay) / (by - ay)) * (bx - ax));
      }
      xs.sort((p, q) => p - q);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const from = Math.max(0, Math.ceil(xs[k]! - 0.5));
        const to = Math.min(this.w - 1, Math.floor(xs[k + 1]! - 0.5));
        for (let x = from; x <= to; x++) this.blend((y * this.w + x) * 3, c, a);
      }
    }
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, c: RGB, a = 1): void {
    const n = Math.max(24, Math.ceil((rx + ry) * 0.8));
    const pts: Pt[] = [];
    for (let i = 0; i < n; i++) pts.push([cx + rx * Math.cos((i / n) * 2 * Math.PI), cy + ry * Math.sin((i / n) * 2 * Math.PI)]);
    this.poly(pts, c, a);
  }

  /** A soft round light: opacity falls from `a` at the centre to 0 at radius r. */
  glow(cx: number, cy: number, r: number, c: RGB, a: number, ry = r): void {
    const x0 = Math.max(0, Math.floor((cx - r) * SS));
    const x1 = Math.min(this.w - 1, Math.ceil((cx + r) * SS));
    const y0 = Math.max(0, Math.floor((cy - ry) * SS));
    const y1 = Math.min(this.h - 1, Math.ceil((cy + ry) * SS));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const dx = (x / SS - cx) / r;
        const dy = (y / SS - cy) / ry;
        const d = Math.sqrt(dx * dx + dy * dy);
        if (d < 1) this.blend((y * this.w + x) * 3, c, a * (1 - d) * (1 - d));
      }
    }
  }

  line(x0: number, y0: number, x1: number, y1: number, width: number, c: RGB, a = 1): void {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len = Math.hypot(dx, dy) || 1;
    const nx = (-dy / len) * (width / 2);
    const ny = (dx / len) * (width / 2);
    this.poly(
      [
        [x0 + nx, y0 + ny],
        [x1 + nx, y1 + ny],
        [x1 - nx, y1 - ny],
        [x0 - nx, y0 - ny],
      ],
      c,
      a,
    );
  }

  /** Box filter down to W×H, 8-bit RGB rows. */
  pixels(): Uint8Array {
    const out = new Uint8Array(W * H * 3);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        for (let ch = 0; ch < 3; ch++) {
          let sum = 0;
          for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) sum += this.px[((y * SS + sy) * this.w + x * SS + sx) * 3 + ch]!;
          out[(y * W + x) * 3 + ch] = Math.max(0, Math.min(255, Math.round(sum / (SS * SS))));
        }
      }
    }
    return out;
  }
}

// ------------------------------------------------------------------------------------------ PNG

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** 8-bit RGB PNG; each row takes the filter with the smallest sum of residuals (libpng's heuristic). */
export function encodePng(rgb: Uint8Array, w: number, h: number): Buffer {
  const stride = w * 3;
  const raw = Buffer.alloc((stride + 1) * h);
  const cand = Array.from({ length: 5 }, () => new Uint8Array(stride));
  for (let y = 0; y < h; y++) {
    const row = rgb.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rgb.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    let best = 0;
    let bestScore = Infinity;
    for (let f = 0; f < 5; f++) {
      const o = cand[f]!;
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= 3 ? row[i - 3]! : 0;
        const b = up[i]!;
        const c = i >= 3 ? up[i - 3]! : 0;
        const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth(a, b, c);
        const v = (row[i]! - pred) & 255;
        o[i] = v;
        score += v < 128 ? v : 256 - v;
      }
      if (score < bestScore) {
        bestScore = score;
        best = f;
      }
    }
    raw[y * (stride + 1)] = best;
    Buffer.from(cand[best]!).copy(raw, y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

// --------------------------------------------------------------------------------- scene parts

/** A mountain ridge from a few sines with seeded phases, filled down to `bottom`. */
function ridge(cv: Canvas, base: number, amp: number, c: RGB, seed: number, bottom = H): void {
  const r = rng(seed);
  const waves = [0.004, 0.011, 0.027, 0.061].map((f, i) => ({ f: f * (0.8 + r() * 0.4), p: r() * 6.28, a: [0.55, 0.3, 0.12, 0.05][i]! }));
  const pts: Pt[] = [[0, bottom]];
  for (let x = 0; x <= W; x += 4) pts.push([x, base - amp * waves.reduce((s, w) => s + w.a * (0.5 + 0.5 * Math.sin(x * w.f + w.p)), 0)]);
  pts.push([W, bottom]);
  cv.poly(pts, c);
}

function cloud(cv: Canvas, x: number, y: number, s: number, a = 0.85): void {
  const white: RGB = [255, 255, 255];
  cv.ellipse(x, y, 70 * s, 22 * s, white, a);
  cv.ellipse(x - 35 * s, y - 8 * s, 38 * s, 24 * s, white, a);
  cv.ellipse(x + 20 * s, y - 18 * s, 42 * s, 30 * s, white, a);
  cv.ellipse(x + 55 * s, y - 4 * s, 30 * s, 18 * s, white, a);
}

/** A tower seen front-on with a shaded side and a grid of windows, some lit. */
function tower(cv: Canvas, r: () => number, x: number, w: number, top: number, ground: number, wall: RGB, glass: RGB): void {
  const h = ground - top;
  cv.rect(x, top, w, h, wall);
  cv.rect(x + w * 0.72, top, w * 0.28, h, shade(wall, 0.78));
  const cols = Math.max(2, Math.floor(w / 11));
  const gap = w / cols;
  for (let yy = top + 8; yy < ground - 10; yy += 12) {
    for (let k = 0; k < cols; k++) {
      const lit = r() < 0.18;
      const g = lit ? mix(glass, [255, 236, 180], 0.6) : shade(glass, 0.9 + r() * 0.2);
      cv.rect(x + k * gap + gap * 0.22, yy, gap * 0.56, 7, k / cols > 0.72 ? shade(g, 0.8) : g);
    }
  }
  cv.rect(x - 2, top - 4, w + 4, 5, shade(wall, 0.65));
  if (r() < 0.5) cv.line(x + w * 0.3, top - 4, x + w * 0.3, top - 26, 2, shade(wall, 0.5));
}

/** A tree: a trunk and three overlapping crowns. */
function tree(cv: Canvas, x: number, ground: number, s: number, leaf: RGB): void {
  cv.rect(x - 2 * s, ground - 14 * s, 4 * s, 14 * s, [92, 70, 52]);
  cv.ellipse(x, ground - 24 * s, 13 * s, 14 * s, leaf);
  cv.ellipse(x - 7 * s, ground - 18 * s, 9 * s, 9 * s, shade(leaf, 0.85));
  cv.ellipse(x + 7 * s, ground - 19 * s, 9 * s, 10 * s, shade(leaf, 1.1));
}

/** An oblique box: front face at (x, bottom), depth drawn up and to the right. */
function box(cv: Canvas, x: number, bottom: number, w: number, h: number, depth: number, front: RGB, top: RGB): void {
  const dx = depth * 0.7;
  const dy = depth * 0.45;
  cv.poly(
    [
      [x + w, bottom],
      [x + w + dx, bottom - dy],
      [x + w + dx, bottom - h - dy],
      [x + w, bottom - h],
    ],
    shade(front, 0.75),
  );
  cv.poly(
    [
      [x, bottom - h],
      [x + w, bottom - h],
      [x + w + dx, bottom - h - dy],
      [x + dx, bottom - h - dy],
    ],
    top,
  );
  cv.rect(x, bottom - h, w, h, front);
}

function person(cv: Canvas, x: number, ground: number, s: number, c: RGB): void {
  cv.rect(x - 8 * s, ground - 26 * s, 7 * s, 26 * s, shade(c, 0.7));
  cv.rect(x + 1 * s, ground - 26 * s, 7 * s, 26 * s, shade(c, 0.7));
  cv.poly(
    [
      [x - 13 * s, ground - 54 * s],
      [x + 13 * s, ground - 54 * s],
      [x + 10 * s, ground - 22 * s],
      [x - 10 * s, ground - 22 * s],
    ],
    c,
  );
  cv.ellipse(x, ground - 54 * s, 13 * s, 6 * s, c);
  cv.ellipse(x, ground - 68 * s, 7.5 * s, 8.5 * s, [70, 52, 44]);
}

// ------------------------------------------------------------------------------------- scenes

/** 楚雄高新区全景: morning light over hills, a lake, the new town and green foreground. */
function panorama(): Canvas {
  const cv = new Canvas();
  const r = rng(11);
  cv.gradient(0, 0, W, 470, [
    [0, hex('#5d93c9')],
    [0.65, hex('#a9c8e0')],
    [1, hex('#f4e2c4')],
  ]);
  cv.glow(880, 330, 260, hex('#fff2cf'), 0.75);
  cv.ellipse(880, 330, 34, 34, hex('#fff6df'));
  cloud(cv, 220, 120, 1.2, 0.7);
  cloud(cv, 620, 80, 0.9, 0.6);
  cloud(cv, 1040, 150, 1.0, 0.55);
  ridge(cv, 450, 190, hex('#a6b9cc'), 3);
  ridge(cv, 480, 120, hex('#8aa59c'), 5);
  ridge(cv, 505, 70, hex('#6f8f73'), 8);
  // The town: rows of towers, the far row hazier.
  for (const [ground, haze, seed] of [
    [540, 0.45, 21],
    [565, 0.15, 22],
  ] as const) {
    const rr = rng(seed);
    for (let x = 30; x < W - 40; x += 26 + rr() * 40) {
      const w = 26 + rr() * 34;
      const wall = mix(mix(hex('#dfe3e8'), hex('#c9b8a4'), rr()), hex('#a9bfd2'), haze);
      tower(cv, rr, x, w, ground - 40 - rr() * (haze > 0.3 ? 140 : 190), ground, wall, mix(hex('#5f7f9f'), hex('#a9bfd2'), haze));
    }
  }
  cv.gradient(0, 565, W, 235, [
    [0, hex('#7fa36a')],
    [1, hex('#4f7a3f')],
  ]);
  // The lake with light streaks.
  cv.poly(
    [
      [0, 600],
      [W, 585],
      [W, 660],
      [0, 690],
    ],
    hex('#6f9dc0'),
  );
  for (let k = 0; k < 14; k++) cv.rect(80 + r() * 1000, 600 + r() * 70, 40 + r() * 120, 2, hex('#cfe2f0'), 0.6);
  // Road and trees in front.
  cv.poly(
    [
      [0, 760],
      [W, 700],
      [W, 740],
      [0, 800],
    ],
    hex('#7b7f84'),
  );
  for (let x = 20; x < W; x += 70) cv.line(x, 780 - x * 0.05, x + 35, 780 - (x + 35) * 0.05, 3, hex('#f2f2f2'));
  for (let x = 10; x < W; x += 48 + r() * 30) tree(cv, x, 705 - x * 0.05, 1.3 + r() * 0.4, mix(hex('#3f6f34'), hex('#5f8f40'), r()));
  return cv;
}

/** 园区标准化厂房: rows of long factory halls with blue roofs, roads and hills behind. */
function factories(): Canvas {
  const cv = new Canvas();
  const r = rng(31);
  cv.gradient(0, 0, W, 420, [
    [0, hex('#4f8fd0')],
    [1, hex('#cfe3f2')],
  ]);
  cloud(cv, 300, 110, 1.1, 0.8);
  cloud(cv, 900, 90, 1.3, 0.75);
  ridge(cv, 380, 150, hex('#8fb0a4'), 12);
  ridge(cv, 420, 90, hex('#6d9a72'), 14);
  cv.gradient(0, 400, W, 400, [
    [0, hex('#9dbb7e')],
    [1, hex('#6f9a55')],
  ]);
  const wall = hex('#eef0f1');
  const roof = hex('#3f74b0');
  // Back rows first (painter's order); each row sits on its own road.
  for (const [bottom, h, depth, s] of [
    [470, 42, 90, 0.7],
    [580, 60, 120, 0.85],
    [720, 84, 150, 1],
  ] as const) {
    cv.rect(0, bottom, W, 22 * s, hex('#8d9196'));
    for (let x = -40 + r() * 60; x < W; x += 300 * s + 40) {
      const w = 260 * s;
      box(cv, x, bottom, w, h, depth, wall, roof);
      // Corrugation on the roof, a window band and doors on the front.
      for (let k = 1; k < 12; k++) {
        const t = k / 12;
        cv.line(x + w * t, bottom - h, x + w * t + depth * 0.7, bottom - h - depth * 0.45, 1.2, shade(roof, 1.18), 0.7);
      }
      cv.rect(x + 8, bottom - h * 0.72, w - 16, h * 0.22, hex('#7fa8cc'));
      for (let d = x + 24; d < x + w - 40; d += 70 * s) cv.rect(d, bottom - h * 0.38, 26 * s, h * 0.38, hex('#9aa3ab'));
      cv.rect(x, bottom - h, w, 4, hex('#d5d9dd'));
    }
    // A lorry on the road.
    const tx = 120 + r() * 900;
    box(cv, tx, bottom + 18 * s, 60 * s, 26 * s, 20 * s, hex('#e0e4e8'), hex('#f2f4f6'));
    box(cv, tx + 62 * s, bottom + 18 * s, 20 * s, 18 * s, 20 * s, hex('#c0392b'), hex('#d9534f'));
  }
  for (let x = 0; x < W; x += 36 + r() * 20) tree(cv, x, 800, 1.5 + r() * 0.5, mix(hex('#3f6f34'), hex('#5f8f40'), r()));
  return cv;
}

/** 南博会展台: a hall with roof trusses and spotlights, three stands and visitors. */
function exhibition(): Canvas {
  const cv = new Canvas();
  const r = rng(41);
  cv.gradient(0, 0, W, 330, [
    [0, hex('#1f2833')],
    [1, hex('#45505e')],
  ]);
  for (let x = 0; x < W; x += 80) {
    cv.line(x, 40, x + 40, 110, 3, hex('#8a96a3'));
    cv.line(x + 40, 110, x + 80, 40, 3, hex('#8a96a3'));
  }
  cv.rect(0, 38, W, 5, hex('#9aa6b2'));
  cv.rect(0, 108, W, 5, hex('#9aa6b2'));
  for (let x = 100; x < W; x += 200) cv.glow(x, 130, 90, hex('#fff4d6'), 0.55);
  cv.rect(0, 300, W, 120, hex('#cfd4da'));
  cv.gradient(0, 420, W, 380, [
    [0, hex('#b9bec4')],
    [1, hex('#8e949b')],
  ]);
  for (let k = -10; k <= 10; k++) cv.line(600 + k * 30, 420, 600 + k * 160, 800, 1.5, hex('#a4a9af'), 0.7);
  // Stands: a tall back panel, a fascia, a screen, a counter.
  const stands: [number, string][] = [
    [60, '#b03a2e'],
    [440, '#1f6fb2'],
    [820, '#1e8449'],
  ];
  for (const [x, col] of stands) {
    const c = hex(col);
    cv.rect(x, 200, 320, 250, c);
    cv.rect(x, 200, 320, 46, shade(c, 0.7));
    cv.rect(x + 30, 216, 260, 14, [245, 245, 245], 0.9);
    cv.rect(x + 40, 270, 150, 95, hex('#111820'));
    cv.gradient(x + 46, 276, 138, 83, [
      [0, hex('#3b6e9e')],
      [1, hex('#9cc4e4')],
    ]);
    cv.rect(x + 210, 270, 80, 10, [245, 245, 245], 0.8);
    cv.rect(x + 210, 292, 60, 10, [245, 245, 245], 0.6);
    box(cv, x + 60, 520, 200, 70, 24, hex('#f4f4f4'), hex('#ffffff'));
    cv.rect(x + 60, 470, 200, 12, c);
    cv.glow(x + 160, 260, 180, hex('#fff8e6'), 0.25);
  }
  // Visitors, back to front, larger as they come nearer.
  const coats = ['#2c3e50', '#7f8c8d', '#34495e', '#a04000', '#5d6d7e', '#1a5276', '#784212', '#212f3d'].map(hex);
  for (let row = 0; row < 4; row++) {
    const ground = 560 + row * 70;
    const s = 0.8 + row * 0.22;
    for (let x = 20 + r() * 60; x < W; x += 70 + r() * 110) person(cv, x, ground + (r() - 0.5) * 24, s, coats[Math.floor(r() * coats.length)]!);
  }
  return cv;
}

/** 新城产业基地: glass office towers and podiums on a tree-lined avenue under a clear sky. */
function newTown(): Canvas {
  const cv = new Canvas();
  const r = rng(51);
  cv.gradient(0, 0, W, 560, [
    [0, hex('#2f7fd1')],
    [1, hex('#bcd9f2')],
  ]);
  cloud(cv, 180, 90, 1.4, 0.9);
  cloud(cv, 760, 140, 1.1, 0.85);
  cloud(cv, 1080, 70, 0.9, 0.8);
  ridge(cv, 520, 110, hex('#9bb5c4'), 52);
  const glassA = hex('#4d86b8');
  const glassB = hex('#8fc0e3');
  const towers: [number, number, number][] = [
    [90, 150, 250],
    [270, 120, 170],
    [420, 170, 120],
    [630, 130, 200],
    [800, 160, 150],
    [990, 120, 230],
  ];
  for (const [x, w, top] of towers) {
    box(cv, x, 580, w, 580 - top, 60, glassA, hex('#d7e4ee'));
    // Curtain wall: vertical reflections and floor lines.
    for (let k = 0; k < w; k += 12) cv.rect(x + k, top, 2, 580 - top, hex('#2f5f8f'), 0.6);
    for (let y = top + 14; y < 580; y += 16) cv.rect(x, y, w, 2, hex('#d6e6f2'), 0.5);
    cv.poly(
      [
        [x + w * 0.15, top],
        [x + w * 0.45, top],
        [x + w * 0.1, 580],
        [x, 580],
        [x, top + 60],
      ],
      glassB,
      0.35,
    );
  }
  for (let x = 40; x < W; x += 260) box(cv, x, 610, 200, 40, 30, hex('#e8e4dc'), hex('#f5f3ef'));
  cv.gradient(0, 610, W, 190, [
    [0, hex('#88b36a')],
    [1, hex('#5e8f45')],
  ]);
  cv.poly(
    [
      [0, 690],
      [W, 690],
      [W, 760],
      [0, 760],
    ],
    hex('#6e7378'),
  );
  for (let x = 10; x < W; x += 80) cv.rect(x, 723, 40, 3, hex('#f3f3f3'));
  for (let x = 0; x < W; x += 55) tree(cv, x + r() * 10, 690, 1.6, mix(hex('#2f6a36'), hex('#4f8a3a'), r()));
  for (let x = 20; x < W; x += 65) tree(cv, x + r() * 10, 800, 2.0, mix(hex('#2f6a36'), hex('#4f8a3a'), r()));
  return cv;
}

/** 生产车间: a hall in one-point perspective, columns, a gantry crane, machines and safety lines. */
function workshop(): Canvas {
  const cv = new Canvas();
  const vx = 600;
  const vy = 340;
  cv.rect(0, 0, W, H, hex('#b4bcc4'));
  // Ceiling, walls, floor as four trapezoids meeting a back wall whose corners lie on the lines from
  // the picture's corners to the vanishing point.
  const depth = 0.3;
  const bl = vx * (1 - depth);
  const br = W - bl;
  const bt = vy * (1 - depth);
  const bb = vy + (H - vy) * depth;
  const faces: [Pt[], string][] = [
    [[[0, 0], [W, 0], [br, bt], [bl, bt]], '#5b6673'],
    [[[0, 0], [bl, bt], [bl, bb], [0, H]], '#a7b1bb'],
    [[[W, 0], [br, bt], [br, bb], [W, H]], '#98a3ae'],
    [[[0, H], [bl, bb], [br, bb], [W, H]], '#7d8c84'],
  ];
  for (const [pts, col] of faces) cv.poly(pts, hex(col));
  cv.rect(bl, bt, br - bl, bb - bt, hex('#c6ced6'));
  cv.rect(bl + 20, bt + 20, br - bl - 40, 40, hex('#eef5fb'));
  // Skylights along the ceiling, lamps glowing.
  for (let k = 0; k < 6; k++) {
    const t = k / 6;
    const y = bt * t;
    cv.line(vx - (vx - 120) * (1 - t), y, vx + (W - 120 - vx) * (1 - t), y, 3 + 6 * (1 - t), hex('#3c4550'));
    cv.glow(vx, y + 10, 60 + 120 * (1 - t), hex('#fff6dc'), 0.35);
  }
  // Columns on both sides, shrinking towards the vanishing point and standing on the wall's foot.
  for (const t of [0.97, 0.78, 0.62, 0.5, 0.41]) {
    const w = 6 + 30 * t;
    const top = vy * (1 - t);
    const bottom = vy + (H - vy) * t;
    cv.rect(vx - vx * t, top, w, bottom - top, hex('#33495f'));
    cv.rect(vx + vx * t - w, top, w, bottom - top, hex('#33495f'));
  }
  // Gantry crane beam with its hook block.
  cv.poly(
    [
      [60, 120],
      [W - 60, 120],
      [W - 90, 150],
      [90, 150],
    ],
    hex('#e0b000'),
  );
  for (let x = 100; x < W - 100; x += 40) cv.line(x, 122, x + 20, 148, 3, hex('#b08800'));
  cv.rect(560, 150, 80, 30, hex('#d4a300'));
  cv.line(600, 180, 600, 290, 3, hex('#2b2b2b'));
  cv.rect(588, 290, 24, 20, hex('#2b2b2b'));
  // Yellow safety lines converging on the vanishing point.
  for (const side of [-1, 1]) cv.line(vx + side * 430 * depth, bb, vx + side * 430, H, 6, hex('#f1c40f'));
  // Machines: boxes with control panels and pipes, nearer ones larger.
  const machines: [number, number, number, number, string][] = [
    [440, 510, 80, 60, '#2e86c1'],
    [670, 510, 90, 55, '#1e8449'],
    [240, 600, 180, 120, '#2874a6'],
    [790, 600, 190, 130, '#17a589'],
    [40, 720, 260, 170, '#1f618d'],
    [920, 720, 250, 180, '#148f77'],
  ];
  for (const [x, bottom, w, h, col] of machines) {
    const c = hex(col);
    box(cv, x, bottom, w, h, w * 0.35, c, shade(c, 1.25));
    cv.rect(x + w * 0.1, bottom - h * 0.8, w * 0.35, h * 0.4, hex('#dfe6ec'));
    for (let k = 0; k < 3; k++) cv.ellipse(x + w * (0.6 + k * 0.1), bottom - h * 0.65, w * 0.025, w * 0.025, k === 0 ? hex('#e74c3c') : hex('#2ecc71'));
    cv.line(x + w * 0.5, bottom - h, x + w * 0.5, bottom - h - 40 * (w / 200), Math.max(3, w * 0.04), hex('#95a5a6'));
  }
  // A worker in overalls by the front machine.
  person(cv, 380, 760, 1.5, hex('#1f4e79'));
  cv.ellipse(380, 655, 14, 8, hex('#f39c12'));
  return cv;
}

const PHOTOS: [string, () => Canvas][] = [
  ['chuxiong-1.png', panorama],
  ['chuxiong-2.png', factories],
  ['kunming-1.png', exhibition],
  ['kunming-2.png', newTown],
  ['kunming-3.png', workshop],
];

const dir = join(import.meta.dirname, '../resources/demo/photos');
mkdirSync(dir, { recursive: true });
for (const [name, draw] of PHOTOS) {
  const png = encodePng(draw().pixels(), W, H);
  writeFileSync(join(dir, name), png);
  console.log(`${name}  ${W}×${H}  ${(png.length / 1024).toFixed(0)} KB`);
}
