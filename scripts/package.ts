// `npm run package`: builds the Microsoft 365 app package (Outlook add-in + Teams tab).
//
// Environment:
//   BREVLADEVAKTEN_CONFIG  configuration file (default ./config.json)
//   PACKAGE_OUT_DIR        output directory (default ./dist)
//   PACKAGE_ASSETS_DIR     where the add-in icons go (default ./public/assets, served as /assets/)
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  COLOR_ICON_SIZE,
  MANIFEST_VERSION,
  OUTLINE_ICON_SIZE,
  PACKAGE_ICON_FILES,
  buildManifest,
  createAppPackage,
  readPngHeader,
  renderColorIcon,
  renderOutlineIcon,
  sideloadingWarnings,
  validateManifest,
  writeAssetIcons,
} from '../manifest/index';
import { loadConfigFile } from './loadConfigFile.ts';

const PREFIX = '[package]';
// Office requires n.n.n with at most five digits per part; the schema itself only says "string".
const APP_VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}$/;

function fail(lines: readonly string[]): never {
  for (const line of lines) console.error(`${PREFIX} ${line}`);
  process.exit(1);
}

async function readText(path: string, what: string, fix: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail([`Failed to read ${what} at ${path}: ${reason}. ${fix}`]);
  }
}

async function appVersion(): Promise<string> {
  const path = fileURLToPath(new URL('../package.json', import.meta.url));
  const text = await readText(path, 'package.json', 'Run the script from the project checkout.');
  const version: unknown = (JSON.parse(text) as { version?: unknown }).version;
  if (typeof version !== 'string' || !APP_VERSION.test(version)) {
    fail([
      `package.json "version" is ${JSON.stringify(version)}: the app manifest needs n.n.n with at most five digits per part, e.g. "1.2.0".`,
    ]);
  }
  return version;
}

function checkIcon(name: string, png: Buffer, size: number): void {
  const { width, height, colorType } = readPngHeader(png);
  if (width !== size || height !== size || colorType !== 6) {
    fail([
      `${name} is ${width}×${height} (colour type ${colorType}); the package needs ${size}×${size} RGBA. This is a bug in manifest/icons.ts.`,
    ]);
  }
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

async function main(): Promise<void> {
  const configPath = resolve(process.env.BREVLADEVAKTEN_CONFIG ?? 'config.json');
  const outDir = resolve(process.env.PACKAGE_OUT_DIR ?? 'dist');
  const assetsDir = resolve(process.env.PACKAGE_ASSETS_DIR ?? join('public', 'assets'));
  const configName = displayPath(configPath);

  const loaded = loadConfigFile(configPath);
  if (!loaded.ok) fail(loaded.message.split('\n'));
  const { config } = loaded;

  const version = await appVersion();
  const manifest = buildManifest(config, { version });
  const errors = await validateManifest(manifest);
  if (errors.length > 0) {
    fail([
      `The generated manifest does not match schema v${MANIFEST_VERSION} (${errors.length} error(s)); nothing was written:`,
      ...errors.map((e) => `  - ${e}`),
    ]);
  }

  const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
  const colorPng = renderColorIcon();
  const outlinePng = renderOutlineIcon();
  checkIcon(PACKAGE_ICON_FILES.color, colorPng, COLOR_ICON_SIZE);
  checkIcon(PACKAGE_ICON_FILES.outline, outlinePng, OUTLINE_ICON_SIZE);

  const packageDir = join(outDir, 'package');
  await mkdir(packageDir, { recursive: true });
  await Promise.all([
    writeFile(join(packageDir, 'manifest.json'), manifestJson),
    writeFile(join(packageDir, PACKAGE_ICON_FILES.color), colorPng),
    writeFile(join(packageDir, PACKAGE_ICON_FILES.outline), outlinePng),
  ]);
  const assetIcons = await writeAssetIcons(assetsDir);

  const zipPath = join(outDir, `brevladevakten-${version}.zip`);
  await writeFile(zipPath, await createAppPackage({ manifestJson, colorPng, outlinePng }));
  const { size } = await stat(zipPath);

  console.log(
    `${PREFIX} Manifest v${MANIFEST_VERSION} for ${config.app.baseUrl} validated offline with 0 errors.`,
  );
  console.log(
    `${PREFIX} Wrote ${displayPath(packageDir)}/{manifest.json,${PACKAGE_ICON_FILES.color},${PACKAGE_ICON_FILES.outline}}`,
  );
  console.log(`${PREFIX} Wrote ${assetIcons.length} add-in icons to ${displayPath(assetsDir)}`);
  console.log(`${PREFIX} Package: ${displayPath(zipPath)} (${size} bytes, ${(size / 1024).toFixed(1)} KB)`);
  for (const warning of sideloadingWarnings(config, configName)) console.warn(`${PREFIX} ${warning}`);
}

await main();
