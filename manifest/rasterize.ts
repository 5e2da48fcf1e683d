/**
 * A minimal vector rasteriser for the app icons: shapes are predicates over the unit square,
 * layers are painted in order per sub-sample, and the sub-samples are averaged (premultiplied)
 * into anti-aliased straight-alpha RGBA.
 */

/** Inside-test over coordinates in [0, 1] × [0, 1], origin top left. */
export type Shape = (x: number, y: number) => boolean;

/** 0–255 per channel. A paint with alpha 0 erases what lies below (a transparent cut-out). */
export type Rgba = readonly [number, number, number, number];

export interface Layer {
  shape: Shape;
  paint: Rgba;
}

export type Point = readonly [number, number];

export const CLEAR: Rgba = [0, 0, 0, 0];

export function hexColor(hex: string, alpha = 255): Rgba {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`hexColor: expected #RRGGBB, got ${hex}.`);
  return [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16), parseInt(match[3] ?? '0', 16), alpha];
}

export const everywhere: Shape = () => true;

export function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + radius - x, 0, x - (x1 - radius));
    const dy = Math.max(y0 + radius - y, 0, y - (y1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

export function disc(cx: number, cy: number, radius: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
}

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

/** A polyline stroked with round caps and joins. */
export function stroke(points: readonly Point[], width: number): Shape {
  const segments = points.slice(1).map((end, i) => [points[i] ?? end, end] as const);
  return (x, y) => segments.some(([a, b]) => distanceToSegment(x, y, a, b) <= width / 2);
}

export function difference(shape: Shape, cut: Shape): Shape {
  return (x, y) => shape(x, y) && !cut(x, y);
}

/** Maps a design drawn in the unit square into the square inset by `margin` on every side. */
export function inset(shape: Shape, margin: number): Shape {
  const scale = 1 - 2 * margin;
  return (x, y) => shape((x - margin) / scale, (y - margin) / scale);
}

/** Renders layers into `size × size` straight-alpha RGBA with `samples × samples` anti-aliasing. */
export function rasterize(size: number, layers: readonly Layer[], samples = 4): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const perPixel = samples * samples;
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
          let paint: Rgba = CLEAR;
          for (const layer of layers) if (layer.shape(x, y)) paint = layer.paint;
          const alpha = paint[3] / 255;
          r += paint[0] * alpha;
          g += paint[1] * alpha;
          b += paint[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      if (a === 0) {
        // Fully transparent pixels carry white, so an outline icon holds no other colour at all.
        out.set([255, 255, 255, 0], i);
      } else {
        out.set(
          [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((a / perPixel) * 255)],
          i,
        );
      }
    }
  }
  return out;
}
