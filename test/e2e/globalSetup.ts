import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import { startEmulator } from '../../emulator/index.ts';
import { freePort } from '../support/freePort.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    graphBaseUrl: string;
    demoNow: string;
  }
}

/**
 * Once for all browser tests: the Graph emulator on a free port, a test-mode build of the app (local
 * Office.js, not the CDN), and Vite's preview server over that build.
 */
export default async function setup(project: TestProject) {
  const demoNow = process.env.DEMO_NOW ?? new Date().toISOString();
  const emulator = await startEmulator({ port: 0, seed: 1, now: demoNow });
  const graphBaseUrl = `${new URL(emulator.url).origin}/v1.0`;
  process.env.GRAPH_BASE_URL = graphBaseUrl;

  // One build folder per run, so two test runs on one machine never overwrite each other's build.
  const outDir = `.cache/e2e-dist-${process.pid}`;
  await build({ configFile: 'vite.config.ts', mode: 'test', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ configFile: 'vite.config.ts', mode: 'test', build: { outDir }, preview: { port, strictPort: true } });

  project.provide('appUrl', `http://localhost:${port}`);
  project.provide('graphBaseUrl', graphBaseUrl);
  project.provide('demoNow', demoNow);

  return async () => {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    await emulator.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
