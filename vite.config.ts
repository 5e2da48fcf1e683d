import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { griffelAot } from './scripts/griffelAot.ts';
import { bootScript, eventRuntimeScript, officeJs, organisationConfig } from './scripts/vitePlugins.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  plugins: [react(), griffelAot(), ...bootScript(), officeJs(), organisationConfig(), eventRuntimeScript()],
  server: { port: Number(process.env.APP_PORT ?? 3000), strictPort: true, host: 'localhost' },
  preview: { port: Number(process.env.APP_PORT ?? 3000), strictPort: true, host: 'localhost' },
  build: {
    target: 'es2022',
    // Every browser Outlook and Teams run add-ins in supports <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    sourcemap: true,
    rollupOptions: {
      output: {
        // React and React DOM in one chunk: every page needs both at start, and one file compresses
        // better than the two pieces automatic splitting makes of them.
        codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
      },
      input: {
        index: resolve(root, 'index.html'),
        taskpane: resolve(root, 'addin/taskpane.html'),
        // The task pane's app code: an entry of its own that the page's small entry imports once the
        // saved start view is painted (addin/taskpaneEntry.tsx; scripts/vitePlugins.ts \`bootScript\`).
        taskpaneApp: resolve(root, 'addin/taskpaneApp.tsx'),
        commands: resolve(root, 'addin/commands.html'),
        tab: resolve(root, 'teams-app/tab.html'),
        authRedirect: resolve(root, 'auth-redirect.html'),
      },
    },
  },
});
