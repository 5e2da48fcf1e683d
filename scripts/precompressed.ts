/**
 * Precompressed static files. The build writes a gzip copy (`<file>.gz`, level 9) beside every script,
 * style sheet, page and SVG of 1 KB or more; a server that knows the convention (nginx `gzip_static`,
 * IIS static compression, most static hosts and CDNs) sends it as is instead of compressing each
 * response again. `vite preview` (the benchmarks, the browser tests) compresses every response on the fly
 * in the same Node process as the Graph emulator, so the plugin serves the copies there too: that was
 * about 0.5 MB of gzip per cold task pane load, on the two cores the browser also needs.
 *
 * Never for `config.json`: an administrator edits it after the build, and a copy would go stale.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat, readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip, constants } from 'node:zlib';
import type { Connect, Plugin } from 'vite';
import { inFirstPass } from './startChunks.ts';

const gzipAsync = promisify(gzip);

/** Which files get a compressed copy, by extension, and their Content-Type. */
export const compressedTypes: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Smaller files are sent as they are (compression would barely shrink them). */
export const minimumBytes = 1024;

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Writes `<file>.gz` beside every eligible file under `dir`; resolves to their paths, relative to `dir`. */
export async function precompressFiles(dir: string): Promise<string[]> {
  const written: string[] = [];
  for await (const file of filesUnder(dir)) {
    if (!(extname(file) in compressedTypes)) continue;
    const source = await readFile(file);
    if (source.length < minimumBytes) continue;
    await writeFile(`${file}.gz`, await gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }));
    written.push(relative(dir, file).split(sep).join('/'));
  }
  return written.sort();
}

/** Whether an Accept-Encoding header allows gzip (`gzip` or `*`, with a quality above 0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return String(header ?? '')
    .split(',')
    .some((part) => {
      const [coding = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const quality = params.find((param) => param.startsWith('q='));
      return (coding === 'gzip' || coding === '*') && (quality === undefined || Number(quality.slice(2)) > 0);
    });
}

/**
 * Serves the gzip copy of a file under `dir` to a client that accepts gzip; everything else (no copy, a
 * copy older than its file, HEAD and GET only) goes to `next`. Hashed files under /assets/ are cached for a
 * year (their names change with their content); pages are revalidated.
 */
export function servePrecompressed(dir: string): Connect.NextHandleFunction {
  const root = resolve(dir);
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !acceptsGzip(req.headers['accept-encoding'])) return next();
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    } catch {
      return next();
    }
    const type = compressedTypes[extname(path)];
    const file = resolve(root, `.${path}`);
    if (!type || !file.startsWith(root + sep)) return next(); // ".." out of the folder
    void Promise.all([stat(file), stat(`${file}.gz`)]).then(
      ([original, copy]) => {
        if (!original.isFile() || !copy.isFile() || copy.mtimeMs < original.mtimeMs) return next();
        res.setHeader('Content-Type', type);
        res.setHeader('Content-Encoding', 'gzip');
        res.setHeader('Content-Length', copy.size);
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (req.method === 'HEAD') return res.end();
        createReadStream(`${file}.gz`).on('error', next).pipe(res);
      },
      () => next(),
    );
  };
}

/** The build writes the copies; `vite preview` serves them (ahead of its own on-the-fly compression). */
export function precompressed(): Plugin {
  let outDir = 'dist';
  let isBuild = false;
  let write = true;
  return {
    name: 'brevladevakten-precompressed',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      isBuild = config.command === 'build';
      write = config.build.write !== false;
    },
    configurePreviewServer(server) {
      server.middlewares.use(servePrecompressed(resolve(server.config.root, server.config.build.outDir)));
    },
    closeBundle: {
      // After the other plugins have written their files (the event-runtime script).
      order: 'post',
      sequential: true,
      async handler() {
        if (isBuild && write && !inFirstPass()) await precompressFiles(outDir);
      },
    },
  };
}
