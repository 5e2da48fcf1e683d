import { inflateSync } from 'node:zlib';
import { crc32 } from './encodePng';

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 2 = RGB, 6 = RGBA. */
  colorType: number;
}

export interface DecodedPng extends PngHeader {
  /** Straight RGBA, 4 bytes per pixel (RGB images get alpha 255). */
  rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Chunk {
  type: string;
  data: Buffer;
}

function* chunks(png: Buffer): Generator<Chunk> {
  if (png.length < 8 || SIGNATURE.some((byte, i) => png[i] !== byte))
    throw new Error('readPng: not a PNG (bad signature).');
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (png.readUInt32BE(offset + 8 + length) !== crc32(png.subarray(offset + 4, offset + 8 + length))) {
      throw new Error(`readPng: CRC mismatch in ${type} chunk.`);
    }
    yield { type, data };
    if (type === 'IEND') return;
    offset += 12 + length;
  }
  throw new Error('readPng: truncated file (no IEND chunk).');
}

/** Reads the IHDR chunk: dimensions and pixel format. */
export function readPngHeader(png: Buffer): PngHeader {
  const first = chunks(png).next();
  if (first.done === true || first.value.type !== 'IHDR')
    throw new Error('readPng: the first chunk is not IHDR.');
  const { data } = first.value;
  return {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data[8] ?? 0,
    colorType: data[9] ?? 0,
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Decodes a non-interlaced 8-bit RGB or RGBA PNG (what the icon pipeline produces and checks). */
export function decodePng(png: Buffer): DecodedPng {
  const header = readPngHeader(png);
  const channels = header.colorType === 6 ? 4 : header.colorType === 2 ? 3 : 0;
  if (header.bitDepth !== 8 || channels === 0) {
    throw new Error(
      `readPng: only 8-bit RGB/RGBA is supported, got bit depth ${header.bitDepth}, colour type ${header.colorType}.`,
    );
  }
  const idat = Buffer.concat([...chunks(png)].filter((c) => c.type === 'IDAT').map((c) => c.data));
  const raw = inflateSync(idat);
  const stride = header.width * channels;
  const pixels = new Uint8Array(stride * header.height);

  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0];
      if (predictor === undefined) throw new Error(`readPng: unknown filter type ${filter} on row ${y}.`);
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }

  if (channels === 4) return { ...header, rgba: pixels };
  const rgba = new Uint8Array(header.width * header.height * 4);
  for (let i = 0; i < header.width * header.height; i++) {
    rgba.set(pixels.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return { ...header, rgba };
}
