import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { griffelAot } from './scripts/griffelAot.ts';
import { precompressed } from './scripts/precompressed.ts';
import { startChunks } from './scripts/startChunks.ts';
import { bootScript, eventRuntimeScript, officeJs, organisationConfig } from './scripts/vitePlugins.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
// What each page's start needs, in a few files rather than a score (scripts/startChunks.ts).
const start = startChunks({
  taskpane: ['addin/taskpane.html', 'addin/taskpaneStart.ts', 'addin/taskpaneApp.tsx'],
  teams: ['teams-app/tab.html'],
  session: ['addin/taskpaneStart.ts'],
});

export default defineConfig({
  plugins: [react(), griffelAot(), start.plugin, ...bootScript(), officeJs(), organisationConfig(), eventRuntimeScript(), precompressed()],
  server: { port: Number(process.env.APP_PORT ?? 3000), strictPort: true, host: 'localhost' },
  preview: { port: Number(process.env.APP_PORT ?? 3000), strictPort: true, host: 'localhost' },
  build: {
    target: 'es2022',
    // Every browser Outlook and Teams run add-ins in supports <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    sourcemap: true,
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React and React DOM in one chunk: every page needs both at start, and one file compresses
            // better than the two pieces automatic splitting makes of them.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: start.name, debugName: 'start', priority: 1, includeDependenciesRecursively: false },
          ],
        },
      },
      input: {
        index: resolve(root, 'index.html'),
        taskpane: resolve(root, 'addin/taskpane.html'),
        // The task pane's app code: entries of their own that the page's small entry imports once the
        // saved start view is painted, the start (no React) first and then the views
        // (addin/taskpaneEntry.tsx; scripts/vitePlugins.ts \`bootScript\`).
        taskpaneStart: resolve(root, 'addin/taskpaneStart.ts'),
        taskpaneApp: resolve(root, 'addin/taskpaneApp.tsx'),
        commands: resolve(root, 'addin/commands.html'),
        tab: resolve(root, 'teams-app/tab.html'),
        authRedirect: resolve(root, 'auth-redirect.html'),
      },
    },
  },
});
