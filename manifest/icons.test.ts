import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from './encodePng';
import { renderAddinIcon, renderColorIcon, renderOutlineIcon, writeAssetIcons } from './icons';
import { ADDIN_ICON_SIZES } from './manifestUrls';
import { decodePng, readPngHeader } from './readPng';

function pixels(rgba: Uint8Array): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let i = 0; i < rgba.length; i += 4)
    out.push([rgba[i] ?? 0, rgba[i + 1] ?? 0, rgba[i + 2] ?? 0, rgba[i + 3] ?? 0]);
  return out;
}

describe('encodePng', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips pixels through its own decoder', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const decoded = decodePng(encodePng(3, 2, rgba));
    expect([decoded.width, decoded.height, decoded.colorType, decoded.bitDepth]).toEqual([3, 2, 6, 8]);
    expect(Array.from(decoded.rgba)).toEqual(Array.from(rgba));
  });

  it('rejects a pixel buffer of the wrong length', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/expected 16 bytes/);
  });
});

describe('renderColorIcon', () => {
  it('is a 192×192 RGBA PNG', () => {
    expect(readPngHeader(renderColorIcon())).toEqual({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
  });

  it('is opaque municipal blue at the edges with a white mark in the middle', () => {
    const { rgba } = decodePng(renderColorIcon());
    const all = pixels(rgba);
    expect(all[0]).toEqual([0x0f, 0x6c, 0xbd, 255]);
    expect(all.every(([, , , a]) => a === 255)).toBe(true);
    expect(all.some(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
  });
});

describe('renderOutlineIcon', () => {
  it('is a 32×32 RGBA PNG', () => {
    expect(readPngHeader(renderOutlineIcon())).toEqual({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
  });

  it('is white on a transparent background and nothing else', () => {
    const all = pixels(decodePng(renderOutlineIcon()).rgba);
    expect(all[0]?.[3]).toBe(0);
    expect(all.filter(([, , , a]) => a === 0).length).toBeGreaterThan(all.length / 3);
    expect(all.filter(([, , , a]) => a === 255).length).toBeGreaterThan(50);
    expect(all.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
  });
});

describe('writeAssetIcons', () => {
  it('writes the 16, 32, 64, 80 and 128 px add-in icons with transparent corners', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brevladevakten-icons-'));
    try {
      const files = await writeAssetIcons(join(dir, 'assets'));
      expect(files.map((f) => f.slice(dir.length + 1))).toEqual(
        ADDIN_ICON_SIZES.map((size) => join('assets', `icon-${size}.png`)),
      );
      for (const size of ADDIN_ICON_SIZES) {
        const png = await readFile(join(dir, 'assets', `icon-${size}.png`));
        expect(png.equals(renderAddinIcon(size))).toBe(true);
        const decoded = decodePng(png);
        expect([decoded.width, decoded.height, decoded.colorType]).toEqual([size, size, 6]);
        expect(decoded.rgba[3]).toBe(0);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
