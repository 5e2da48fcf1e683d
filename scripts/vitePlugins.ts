/** Vite plugins of the app build: Office.js source, config.json, the event-runtime script. */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import type { Connect, Plugin } from 'vite';
import { describeConfigErrors, parseAppConfig, parseJsonText } from '../shared/config/index.ts';
import { inFirstPass } from './startChunks.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const officeJsDir = resolve(root, 'node_modules/@microsoft/office-js/dist');
/** Microsoft requires Office.js from its CDN in production (a store requirement). */
export const officeJsCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const configPath = resolve(root, process.env.BREVLADEVAKTEN_CONFIG ?? 'config.json');

const types: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.html': 'text/html' };

/** Serves the local Office.js folder at /office-js/ (it loads sibling scripts relative to its own URL). */
export function serveOfficeJs(): Connect.NextHandleFunction {
  return (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    if (!path.startsWith('/office-js/')) return next();
    const file = normalize(join(officeJsDir, path.slice('/office-js/'.length)));
    if (!file.startsWith(officeJsDir) || !existsSync(file) || !statSync(file).isFile()) return next();
    res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  };
}

/**
 * The config.json the browser gets. In the demo and tests the Graph emulator may listen on another
 * port than the file says: `GRAPH_BASE_URL` (set by `npm start` and the browser tests) overrides it.
 * The file is served as it is otherwise, so a broken file reaches the app and is reported there.
 */
function servedConfig(): Connect.NextHandleFunction {
  return (req, res, next) => {
    if ((req.url ?? '').split('?')[0] !== '/config.json') return next();
    let text = readFileSync(configPath, 'utf8');
    const graphBaseUrl = process.env.GRAPH_BASE_URL;
    if (graphBaseUrl) {
      try {
        const json = JSON.parse(text) as { graph?: { baseUrl?: string } };
        json.graph = { ...json.graph, baseUrl: graphBaseUrl };
        text = JSON.stringify(json, null, 2);
      } catch {
        // Leave a broken file as it is: the app shows the syntax error by name.
      }
    }
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(text);
  };
}

/** Serves and ships the organisation's config.json; the build refuses an invalid one. */
export function organisationConfig(): Plugin {
  let isBuild = false;
  return {
    name: 'brevladevakten-config',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    configureServer: (server) => void server.middlewares.use(servedConfig()),
    configurePreviewServer: (server) => void server.middlewares.use(servedConfig()),
    generateBundle() {
      if (!isBuild) return;
      const text = readFileSync(configPath, 'utf8');
      const json = parseJsonText(configPath, text);
      if (!json.ok) this.error(json.message);
      const parsed = parseAppConfig(json.value);
      if (!parsed.ok) this.error(describeConfigErrors(configPath, parsed.errors));
      this.emitFile({ type: 'asset', fileName: 'config.json', source: text });
    },
  };
}

/** Local Office.js in development and tests; Microsoft's CDN in the production build. */
export function officeJs(): Plugin {
  let url = '/office-js/office.js';
  return {
    name: 'brevladevakten-office-js',
    configResolved(config) {
      url = config.command === 'build' && config.mode === 'production' ? officeJsCdn : '/office-js/office.js';
    },
    transformIndexHtml: (html) => html.replaceAll('%OFFICE_JS_URL%', url),
    configureServer: (server) => void server.middlewares.use(serveOfficeJs()),
    configurePreviewServer: (server) => void server.middlewares.use(serveOfficeJs()),
  };
}

/** One entry as a single self-contained, minified classic script (IIFE), returned and optionally written. */
async function buildClassicScript(options: { entry: string; name: string; fileName: string; write: boolean; outDir?: string }): Promise<string> {
  const result = await viteBuild({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: options.write,
      outDir: options.outDir ?? 'dist',
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
      lib: { entry: resolve(root, options.entry), formats: ['iife'], name: options.name, fileName: () => options.fileName },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output?: Array<{ code?: string }> };
  return output.output?.[0]?.code ?? '';
}

/**
 * The event runtime script as one self-contained classic script at /addin/commands.js (classic Outlook
 * on Windows runs it alone, without the HTML page): an IIFE build of addin/commands.ts.
 */
const buildEventScript = (write: boolean, outDir?: string) =>
  buildClassicScript({ entry: 'addin/commands.ts', name: 'BrevladevaktenEvents', fileName: 'addin/commands.js', write, ...(outDir ? { outDir } : {}) });

/** Where the pages put the inline boot script. */
const bootScriptPlaceholder = '<!-- brevladevakten:boot-script -->';
let bootScriptCode: Promise<string> | null = null;
const buildBootScript = () =>
  buildClassicScript({ entry: 'shared/ui/boot/bootEntry.ts', name: 'BrevladevaktenBoot', fileName: 'boot.js', write: false });

/**
 * The inline <head> script of the pages (shared/ui/boot/bootEntry.ts): starts the config.json request
 * and shows the saved start view before any bundle has loaded. Inline, because a separate file would be
 * one more request before anything shows. Its SHA-256 (for a Content-Security-Policy `script-src`) is
 * written to `boot-script.sha256` in the build output.
 *
 * A page that keeps a start view (`data-boot-page="taskpane"`) loads the app's code with import() once
 * the view is painted (addin/taskpaneEntry.tsx): its start (the `taskpaneStart` entry, no React) and
 * then its views (the `taskpaneApp` entry). The page names them in `<link rel="modulepreload"
 * data-start-code>` and `<link … data-app-code>` and preloads their imports, so the imports do not wait
 * for the network. It also names the Graph SDK's chunk (`<meta name="brevladevakten-graph-code">`), which the
 * entry starts fetching at the same moment rather than once the app's code has run.
 */
export function bootScript(): Plugin[] {
  let isBuild = false;
  let base = '/';
  const inline: Plugin = {
    name: 'brevladevakten-boot-script',
    configResolved(config) {
      isBuild = config.command === 'build';
      base = config.base;
    },
    async transformIndexHtml(html) {
      // The start-chunk first pass only reads how modules are split (scripts/startChunks.ts).
      if (!html.includes(bootScriptPlaceholder) || inFirstPass()) return html;
      // Built once per build; rebuilt per request in development, so edits show on reload.
      const code = (await (isBuild ? (bootScriptCode ??= buildBootScript()) : buildBootScript())).trim();
      if (code.includes('</script')) throw new Error('The boot script contains "</script": it cannot be inlined.');
      return html.replace(bootScriptPlaceholder, `<script>${code}</script>`);
    },
    async generateBundle() {
      if (!isBuild || inFirstPass()) return;
      const code = (await (bootScriptCode ??= buildBootScript())).trim();
      const hash = createHash('sha256').update(code).digest('base64');
      this.emitFile({ type: 'asset', fileName: 'boot-script.sha256', source: `'sha256-${hash}'\n` });
    },
  };
  const preloadApp: Plugin = {
    name: 'brevladevakten-boot-app-code',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const page = /data-boot-page="([a-z]+)"/.exec(html)?.[1];
        if (!page) return html;
        // The page's start (no React; evaluated first) and its views (evaluated once the start is under
        // way): addin/taskpaneEntry.tsx.
        const codes = [
          { attribute: 'data-start-code', entry: `${page}Start`, source: `addin/${page}Start.ts` },
          { attribute: 'data-app-code', entry: `${page}App`, source: `addin/${page}App.tsx` },
        ];
        // The Graph SDK's module, which the entry starts fetching at once (it is not preloaded: the page
        // renders a persisted queue without it; only Graph requests wait for it).
        const graphMeta = (href: string) => `<meta name="brevladevakten-graph-code" content="${href}">`;
        // The demo host's modules (addin/harness), which the entry preloads in a plain browser tab only: they
        // are never loaded inside Outlook, so they are not the page's initial JavaScript.
        const demoHostMeta = (hrefs: readonly string[]) => `<meta name="brevladevakten-demo-host-code" content="${hrefs.join(' ')}">`;
        // Development: the modules themselves, served by Vite.
        if (!context.bundle) {
          const tags = [
            ...codes.map(({ attribute, source }) => `<link rel="modulepreload" ${attribute} href="${base}${source}">`),
            graphMeta(`${base}shared/graph/createGraphClient.ts`),
            demoHostMeta([`${base}addin/harness/HarnessView.tsx`]),
          ];
          return html.replace('</head>', `  ${tags.join('\n    ')}\n  </head>`);
        }
        const bundle = context.bundle;
        const graph = Object.values(bundle).find(
          (chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.replaceAll('\\', '/').endsWith('/shared/graph/createGraphClient.ts'),
        );
        if (!graph) throw new Error(`No Graph SDK chunk (shared/graph/createGraphClient.ts) in the build for ${context.filename}.`);
        const entries = codes.map(({ attribute, entry }) => {
          const chunk = Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry && item.name === entry);
          if (!chunk || chunk.type !== 'chunk') throw new Error(`No "${entry}" entry in the build for ${context.filename}.`);
          return { attribute, chunk };
        });
        const preload = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || preload.has(fileName)) return;
          preload.add(fileName);
          chunk.imports.forEach(visit);
        };
        for (const { chunk } of entries) chunk.imports.forEach(visit);
        for (const already of [...entries.map(({ chunk }) => chunk.fileName), ...(context.chunk?.imports ?? [])]) preload.delete(already);
        const demoHost = Object.values(bundle).find(
          (chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.replaceAll('\\', '/').endsWith('/addin/harness/HarnessView.tsx'),
        );
        if (!demoHost || demoHost.type !== 'chunk') throw new Error(`No demo host chunk (addin/harness/HarnessView.tsx) in the build for ${context.filename}.`);
        const demoHostFiles = new Set<string>();
        const visitDemoHost = (fileName: string) => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || demoHostFiles.has(fileName) || preload.has(fileName)) return;
          if (entries.some((entry) => entry.chunk.fileName === fileName)) return;
          demoHostFiles.add(fileName);
          chunk.imports.forEach(visitDemoHost);
        };
        visitDemoHost(demoHost.fileName);
        const links = [
          graphMeta(`${base}${graph.fileName}`),
          demoHostMeta([...demoHostFiles].map((fileName) => `${base}${fileName}`)),
          ...entries.map(({ attribute, chunk }) => `<link rel="modulepreload" crossorigin ${attribute} href="${base}${chunk.fileName}">`),
          ...[...preload].map((fileName) => `<link rel="modulepreload" crossorigin href="${base}${fileName}">`),
        ];
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
  return [inline, preloadApp];
}

export function eventRuntimeScript(): Plugin {
  let outDir = 'dist';
  let isBuild = false;
  return {
    name: 'brevladevakten-event-script',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      isBuild = config.command === 'build';
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== '/addin/commands.js') return next();
        buildEventScript(false).then((code) => {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(code);
        }, next);
      });
    },
    async closeBundle() {
      if (isBuild && !inFirstPass()) await buildEventScript(true, outDir);
    },
  };
}
