/**
 * Initial JavaScript of each page, gzip, as a user's browser would fetch it: the entry module, every
 * `modulepreload` the built HTML names, and the inline boot script (counted as its own gzip stream, as if
 * it were a file). Office.js (Microsoft's CDN) is not counted; nor is what
 * loads later on demand (MSAL for a real tenant, the Teams SDK inside Teams).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export interface PageWeight {
  page: string;
  files: number;
  rawKB: number;
  gzipKB: number;
}

export async function runBundleSizeBenchmark(outDir = '.cache/bench-dist'): Promise<PageWeight[]> {
  await build({ configFile: 'vite.config.ts', mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const pages = ['addin/taskpane.html', 'addin/commands.html', 'teams-app/tab.html'];
  return pages.map((page) => {
    const html = readFileSync(join(outDir, page), 'utf8');
    // Module entries, their preloads, and classic scripts of our own (the event runtime's commands.js).
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)]
      .map((m) => m[1] as string)
      .filter((src) => src.startsWith('/'));
    const unique = [...new Set(scripts)];
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => Buffer.from(m[1] as string));
    let raw = 0;
    let gzip = 0;
    for (const bytes of [...unique.map((src) => readFileSync(join(outDir, src))), ...inline]) {
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { page, files: unique.length + inline.length, rawKB: +(raw / 1024).toFixed(1), gzipKB: +(gzip / 1024).toFixed(1) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await runBundleSizeBenchmark());
}
