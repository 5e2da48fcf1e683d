/**
 * Time from navigation to the first rendered queue ("Min kö" with its first message) in the Outlook task
 * pane, headless Chromium, on the demo municipality: cold (a fresh browser profile, nothing persisted)
 * and warm (the same profile again: the sync snapshot in IndexedDB is shown before the delta refresh),
 * median of `runs` each. Targets (issue 5): cold ≤ 500 ms, warm ≤ 150 ms.
 */
import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { build, preview } from 'vite';
import { startEmulator } from '../emulator/index.ts';
import { chromiumArgs, findChromium } from '../test/support/findChromium.ts';
import { freePort } from '../test/support/freePort.ts';

export interface TaskpaneFigures {
  runs: number;
  coldMedianMs: number;
  warmMedianMs: number;
  coldMs: number[];
  warmMs: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

// Records, in the page, when the first queue entry is in the DOM (performance.now() is ms since navigation).
// A string, not a function: tsx's name helpers (`__name`) do not exist in the page.
const observeFirstQueueItem = `
  new MutationObserver(() => {
    if (window.__firstQueueMs === undefined && document.querySelector('[data-testid="queue-item"]')) window.__firstQueueMs = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

async function timeToQueue(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  await page
    .waitForFunction(() => (window as unknown as { __firstQueueMs?: number }).__firstQueueMs !== undefined, undefined, { timeout: 30_000 })
    .catch(async (error: unknown) => {
      throw new Error(`[bench] No queue rendered: ${(await page.getByTestId('harness-pane').innerText().catch(() => 'no pane')).slice(0, 600)}`, { cause: error });
    });
  const ms = await page.evaluate(() => (window as unknown as { __firstQueueMs: number }).__firstQueueMs);
  // Let the refresh finish, so the next (warm) load has a complete snapshot to show.
  await page.getByTestId('refresh-status').filter({ hasText: /Uppdaterad/ }).waitFor({ timeout: 30_000 });
  await page.close();
  return Math.round(ms);
}

export async function runTaskpaneBenchmark(options: { runs?: number; persona?: string } = {}): Promise<TaskpaneFigures> {
  const runs = options.runs ?? 10;
  const persona = options.persona ?? 'elin.berg@sjoby.example';
  const emulator = await startEmulator({ port: 0, seed: 1 });
  const previousGraph = process.env.GRAPH_BASE_URL;
  process.env.GRAPH_BASE_URL = `${new URL(emulator.url).origin}/v1.0`;
  const outDir = `.cache/bench-taskpane-${process.pid}`;
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
  let server: Awaited<ReturnType<typeof preview>> | null = null;
  try {
    await build({ configFile: 'vite.config.ts', mode: 'test', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const port = await freePort();
    server = await preview({ configFile: 'vite.config.ts', mode: 'test', build: { outDir }, preview: { port, strictPort: true } });
    const url = `http://localhost:${port}/addin/taskpane.html?as=${encodeURIComponent(persona)}`;
    const newContext = async () => {
      const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
      await context.addInitScript({ content: observeFirstQueueItem });
      return context;
    };

    // One throwaway load warms the server's and the browser's caches of the built files alike.
    const warmup = await newContext();
    await timeToQueue(warmup, url);
    await warmup.close();

    const coldMs: number[] = [];
    const warmMs: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const context = await newContext();
      coldMs.push(await timeToQueue(context, url));
      warmMs.push(await timeToQueue(context, url));
      await context.close();
    }
    return { runs, coldMedianMs: median(coldMs), warmMedianMs: median(warmMs), coldMs, warmMs };
  } finally {
    await browser.close();
    if (server) await new Promise<void>((resolve) => server!.httpServer.close(() => resolve()));
    await emulator.close();
    if (previousGraph === undefined) delete process.env.GRAPH_BASE_URL;
    else process.env.GRAPH_BASE_URL = previousGraph;
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runTaskpaneBenchmark(), null, 2));
}
