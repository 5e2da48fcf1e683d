/**
 * The servers of the start-up benchmark in a process of their own: the Graph emulator and `vite preview`
 * of a built app (`outDir`, the first argument). As in use, where Graph and the web host are other
 * machines: in the benchmark's own process they would share an event loop with Playwright, which handles
 * a stream of DevTools messages for every page load, and a response could wait behind that.
 *
 * Tells its parent `{ appUrl, graphBaseUrl }` once both listen; closes both when the parent disconnects.
 */
import { preview } from 'vite';
import { startEmulator } from '../emulator/index.ts';
import { freePort } from '../test/support/freePort.ts';

export interface BenchServers {
  appUrl: string;
  graphBaseUrl: string;
}

const outDir = process.argv[2];
if (!outDir || !process.send) throw new Error('Usage: forked by the benchmark, with the built app’s folder as its argument.');

const emulator = await startEmulator({ port: 0, seed: 1 });
// The served config.json names this emulator (scripts/vitePlugins.ts `servedConfig`).
process.env.GRAPH_BASE_URL = `${new URL(emulator.url).origin}/v1.0`;
const port = await freePort();
const server = await preview({ configFile: 'vite.config.ts', mode: 'test', logLevel: 'warn', build: { outDir }, preview: { port, strictPort: true } });
const ready: BenchServers = { appUrl: `http://localhost:${port}`, graphBaseUrl: process.env.GRAPH_BASE_URL };
process.send(ready);

process.on('disconnect', () => {
  server.httpServer.close();
  void emulator.close().finally(() => process.exit(0));
});
