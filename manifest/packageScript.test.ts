import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPngHeader } from './readPng';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const version = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string })
  .version;

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/package.ts` the way `npm run package` does, with outputs redirected to `dir`. */
async function runPackage(dir: string, configPath: string): Promise<RunResult> {
  const env = {
    ...process.env,
    BREVLADEVAKTEN_CONFIG: configPath,
    PACKAGE_OUT_DIR: join(dir, 'dist'),
    PACKAGE_ASSETS_DIR: join(dir, 'assets'),
  };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/package.ts'], {
      cwd: root,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('scripts/package.ts', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'brevladevakten-package-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('packages the demo configuration into a zip holding exactly manifest.json, color.png and outline.png', async () => {
    const result = await runPackage(dir, join(root, 'config.json'));
    expect(result.code, result.stderr).toBe(0);

    const zipPath = join(dir, 'dist', `brevladevakten-${version}.zip`);
    expect(result.stdout).toContain(`brevladevakten-${version}.zip (`);
    const zip = await JSZip.loadAsync(await readFile(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}') as {
      version?: string;
      icons?: unknown;
    };
    expect(manifest.version).toBe(version);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    const color = readPngHeader((await zip.file('color.png')?.async('nodebuffer')) ?? Buffer.alloc(0));
    const outline = readPngHeader((await zip.file('outline.png')?.async('nodebuffer')) ?? Buffer.alloc(0));
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);

    expect((await readdir(join(dir, 'dist', 'package'))).sort()).toEqual([
      'color.png',
      'manifest.json',
      'outline.png',
    ]);
    expect((await readdir(join(dir, 'assets'))).sort()).toEqual([
      'icon-128.png',
      'icon-16.png',
      'icon-32.png',
      'icon-64.png',
      'icon-80.png',
    ]);
  });

  it('warns that the demo http base URL must become https before sideloading', async () => {
    const result = await runPackage(dir, join(root, 'config.json'));
    expect(result.stderr).toContain('`app.baseUrl`');
    expect(result.stderr).toContain('HTTPS');
  });

  it('exits with 1 and a clear message when the configuration is not JSON', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ "app": { "baseUrl": "https://sjoby.se", } ');
    const result = await runPackage(dir, broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /\[package\] Configuration error in `.*broken\.json`: the file is not valid JSON/,
    );
  });

  it('exits with 1 and names the field when the configuration lacks the client id', async () => {
    const incomplete = join(dir, 'incomplete.json');
    await writeFile(
      incomplete,
      JSON.stringify({ organisation: { name: 'Sjöby kommun' }, app: { baseUrl: 'https://sjoby.se' } }),
    );
    const result = await runPackage(dir, incomplete);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('at `auth.clientId`');
  });
});
