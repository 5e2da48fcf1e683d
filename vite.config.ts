import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { bootScript, eventRuntimeScript, officeJs, organisationConfig } from './scripts/vitePlugins.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  plugins: [react(), ...bootScript(), officeJs(), organisationConfig(), eventRuntimeScript()],
  server: { port: Number(process.env.APP_PORT ?? 3000), strictPort: true, host: 'localhost' },
  preview: { port: Number(process.env.APP_PORT ?? 3000), strictPort: true, host: 'localhost' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        taskpane: resolve(root, 'addin/taskpane.html'),
        commands: resolve(root, 'addin/commands.html'),
        tab: resolve(root, 'teams-app/tab.html'),
        authRedirect: resolve(root, 'auth-redirect.html'),
      },
    },
  },
});
