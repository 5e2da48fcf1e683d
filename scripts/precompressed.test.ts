import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, precompressFiles, servePrecompressed } from './precompressed.ts';

const big = (marker: string) => `${marker}\n${'export const x = "Brevlådevakten";\n'.repeat(200)}`;

let dir: string;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'precompressed-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'addin'));
  writeFileSync(join(dir, 'assets/app-abc123.js'), big('// app'));
  writeFileSync(join(dir, 'assets/app-abc123.js.map'), big('{"map":1}'));
  writeFileSync(join(dir, 'assets/tiny-abc123.js'), 'export {};');
  writeFileSync(join(dir, 'assets/style-abc123.css'), big('/* css */'));
  writeFileSync(join(dir, 'addin/taskpane.html'), big('<!doctype html>'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ padding: 'x'.repeat(4000) }));
  await precompressFiles(dir);
  const serve = servePrecompressed(dir);
  const server = createServer((req, res) =>
    serve(req as never, res as never, () => {
      res.statusCode = 299; // "passed on": what the next middleware (sirv, the on-the-fly compression) would serve
      res.end('next');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

describe('precompressFiles', () => {
  it('writes a gzip copy of each script, style sheet and page of 1 KB or more, identical once unzipped', () => {
    for (const file of ['assets/app-abc123.js', 'assets/style-abc123.css', 'addin/taskpane.html']) {
      expect(gunzipSync(readFileSync(join(dir, `${file}.gz`))).equals(readFileSync(join(dir, file))), file).toBe(true);
    }
  });

  it('leaves config.json (edited after the build), source maps and small files alone', () => {
    for (const file of ['config.json', 'assets/app-abc123.js.map', 'assets/tiny-abc123.js']) {
      expect(existsSync(join(dir, `${file}.gz`)), file).toBe(false);
    }
  });
});

describe('servePrecompressed', () => {
  const get = (path: string, headers: Record<string, string> = { 'Accept-Encoding': 'gzip, deflate, br' }) =>
    fetch(`${url}${path}`, { headers, decompress: false } as RequestInit);

  it('sends the copy, marked gzip, with the file’s type; hashed assets cached for a year, pages revalidated', async () => {
    const script = await fetch(`${url}/assets/app-abc123.js?v=1`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(script.headers.get('vary')).toBe('Accept-Encoding');
    expect(await script.text()).toBe(readFileSync(join(dir, 'assets/app-abc123.js'), 'utf8')); // fetch unzips
    const page = await get('/addin/taskpane.html');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('passes on what it has no copy of, a client that does not take gzip, and paths outside the folder', async () => {
    expect((await get('/config.json')).status).toBe(299);
    expect((await get('/assets/tiny-abc123.js')).status).toBe(299);
    expect((await get('/assets/app-abc123.js', { 'Accept-Encoding': 'identity' })).status).toBe(299);
    expect((await get('/assets/app-abc123.js', { 'Accept-Encoding': 'gzip;q=0' })).status).toBe(299);
    expect((await get('/assets/missing.js')).status).toBe(299);
  });

  it('never serves a copy from outside its folder', async () => {
    // A gzip copy beside the folder, asked for with "..", as a raw request (fetch would normalise the path).
    const outside = `${dir}-outside.js`;
    writeFileSync(outside, big('// outside'));
    writeFileSync(`${outside}.gz`, readFileSync(join(dir, 'assets/app-abc123.js.gz')));
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const target = new URL(url);
        request({ host: target.hostname, port: target.port, path: `/../${basename(outside)}`, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(299);
    } finally {
      rmSync(outside, { force: true });
      rmSync(`${outside}.gz`, { force: true });
    }
  });

  it('passes on a file changed after its copy was written (the copy is stale)', async () => {
    const file = join(dir, 'assets/style-abc123.css');
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    expect((await get('/assets/style-abc123.css')).status).toBe(299);
  });
});

describe('acceptsGzip', () => {
  it('reads codings and their quality', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
