import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodePng } from './encodePng';
import { ADDIN_ICON_SIZES, addinIconFileName, type AddinIconSize } from './manifestUrls';
import {
  CLEAR,
  difference,
  disc,
  everywhere,
  hexColor,
  inset,
  rasterize,
  roundedRect,
  stroke,
  type Layer,
  type Shape,
} from './rasterize';

/** Municipal blue (Fluent's brand blue), the accent colour of the manifest. */
export const ICON_BLUE = hexColor('#0F6CBD');
const WHITE = hexColor('#FFFFFF');

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/**
 * The mark, drawn in a unit square: an envelope with a check badge at its lower right
 * ("the mailbox is watched"). Line widths are parameters so small sizes can thicken them.
 */
const ENVELOPE = roundedRect(0.02, 0.16, 0.84, 0.72, 0.07);
const FLAP_POINTS = [
  [0.1, 0.27],
  [0.43, 0.5],
  [0.76, 0.27],
] as const;
const BADGE = { x: 0.76, y: 0.72, radius: 0.22, gap: 0.3 } as const;
const CHECK_POINTS = [
  [0.655, 0.725],
  [0.73, 0.8],
  [0.86, 0.655],
] as const;

const badge = disc(BADGE.x, BADGE.y, BADGE.radius);
const badgeGap = disc(BADGE.x, BADGE.y, BADGE.gap);

function place(layers: readonly Layer[], margin: number): Layer[] {
  return layers.map(({ shape, paint }) => ({
    shape: shape === everywhere ? shape : inset(shape, margin),
    paint,
  }));
}

/**
 * Teams colour icon, 192×192: solid blue background, white mark kept inside the central
 * ~120 px safe area Teams recommends (margin 0.19 of 192 px).
 */
export function renderColorIcon(): Buffer {
  const layers = place(
    [
      { shape: everywhere, paint: ICON_BLUE },
      { shape: ENVELOPE, paint: WHITE },
      { shape: stroke(FLAP_POINTS, 0.07), paint: ICON_BLUE },
      { shape: badgeGap, paint: ICON_BLUE },
      { shape: badge, paint: WHITE },
      { shape: stroke(CHECK_POINTS, 0.07), paint: ICON_BLUE },
    ],
    0.19,
  );
  return encodePng(COLOR_ICON_SIZE, COLOR_ICON_SIZE, rasterize(COLOR_ICON_SIZE, layers));
}

/**
 * Teams outline icon, 32×32: white strokes on a transparent background, nothing else — the
 * check is cut out of the badge so it reads as transparent, not as a second colour.
 */
export function renderOutlineIcon(): Buffer {
  const line = 0.085;
  const envelopeOutline: Shape = difference(
    ENVELOPE,
    roundedRect(0.02 + line, 0.16 + line, 0.84 - line, 0.72 - line, 0.07 - line / 2),
  );
  const layers = place(
    [
      { shape: envelopeOutline, paint: WHITE },
      { shape: stroke(FLAP_POINTS, line), paint: WHITE },
      { shape: badgeGap, paint: CLEAR },
      { shape: badge, paint: WHITE },
      { shape: stroke(CHECK_POINTS, 0.08), paint: CLEAR },
    ],
    0.06,
  );
  return encodePng(OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE, rasterize(OUTLINE_ICON_SIZE, layers));
}

/** Ribbon and store icon for the Outlook add-in: blue mark on a transparent background. */
export function renderAddinIcon(size: AddinIconSize): Buffer {
  // About 1.3 px minimum so the flap and check survive at 16 px.
  const line = Math.max(0.075, 1.3 / size);
  const layers = place(
    [
      { shape: ENVELOPE, paint: ICON_BLUE },
      { shape: stroke(FLAP_POINTS, line), paint: WHITE },
      { shape: badgeGap, paint: CLEAR },
      { shape: badge, paint: ICON_BLUE },
      { shape: stroke(CHECK_POINTS, line), paint: WHITE },
    ],
    size <= 32 ? 0.03 : 0.06,
  );
  return encodePng(size, size, rasterize(size, layers));
}

/**
 * Writes `icon-16.png` … `icon-128.png` into `dir` (the app's `public/assets`, served as
 * `${baseUrl}/assets/`), creating it when needed. Returns the paths written.
 */
export async function writeAssetIcons(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return Promise.all(
    ADDIN_ICON_SIZES.map(async (size) => {
      const file = join(dir, addinIconFileName(size));
      await writeFile(file, renderAddinIcon(size));
      return file;
    }),
  );
}
