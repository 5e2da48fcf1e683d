/**
 * How the code a page needs at start is split into files. Left to itself, the bundler splits it by which
 * pages and lazily loaded views share each module: the task pane's first load came to 22 files. Over
 * HTTP/1.1 (six connections per host) those queue for each other, and `config.json`, which the page's
 * head script requests at the same moment, queues behind them. So the shared modules a start loads are
 * grouped into a few files:
 *
 * - `start-session`: what the task pane's start entry (addin/taskpaneStart.ts) loads: the session's
 *   first requests, no React. It is evaluated before the views' code, so it must not pull that in;
 * - `start-shared`: the rest of what both the task pane and the Teams tab load at start;
 * - `start-taskpane`, `start-teams`: by only one of them.
 *
 * Which modules a start loads is known only after tree-shaking (the barrels re-export far more than a
 * page uses), so the plugin first bundles the app without writing anything and reads, for each page,
 * the modules of the shared chunks its entries import statically (the task pane's page entry, and the
 * app code that entry imports once the saved start view is painted, both preloaded by the page). The
 * real build's `codeSplitting` group then names those. Modules no start loads (the lazily loaded views,
 * the Graph SDK, MSAL) are left to automatic splitting: no page loads more at start than before, only
 * in fewer files. The dev server is left alone.
 */
import { build } from 'vite';
import type { Plugin, Rollup } from 'vite';
import type { CodeSplittingNameFunction } from 'rolldown';

/** The entries whose start-up code is grouped: by the end of their module ids (`addin/taskpane.html`). */
export interface StartEntries {
  taskpane: readonly string[];
  teams: readonly string[];
  /** Entries evaluated before the views' code (one of the task pane's): their modules get a chunk of their own. */
  session: readonly string[];
}

export interface StartModules {
  taskpane: ReadonlySet<string>;
  teams: ReadonlySet<string>;
  session: ReadonlySet<string>;
}

/**
 * From a build's chunks: the modules of the non-entry chunks each page's entries import statically,
 * transitively.
 */
export function startModules(chunks: readonly Rollup.OutputChunk[], entries: StartEntries): StartModules {
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const collect = (ends: readonly string[]) => {
    const modules = new Set<string>();
    const stack = chunks.filter((chunk) => chunk.facadeModuleId && ends.some((end) => chunk.facadeModuleId?.endsWith(end)));
    if (stack.length !== ends.length) {
      throw new Error(`[startChunks] Expected one entry chunk for each of ${ends.join(', ')}; found ${stack.length}.`);
    }
    const seen = new Set<string>();
    while (stack.length > 0) {
      const chunk = stack.pop() as Rollup.OutputChunk;
      if (seen.has(chunk.fileName)) continue;
      seen.add(chunk.fileName);
      if (!chunk.isEntry && !chunk.isDynamicEntry) for (const id of chunk.moduleIds) modules.add(id);
      for (const file of chunk.imports) {
        const imported = byFile.get(file);
        if (imported) stack.push(imported);
      }
    }
    return modules;
  };
  return { taskpane: collect(entries.taskpane), teams: collect(entries.teams), session: collect(entries.session) };
}

/** The group's `name`: which start chunk a module goes to, or null (automatic splitting). */
export function startChunkName(modules: () => StartModules | null): CodeSplittingNameFunction {
  return (id) => {
    const found = modules();
    if (!found) return null;
    if (found.session.has(id)) return 'start-session';
    const taskpane = found.taskpane.has(id);
    const teams = found.teams.has(id);
    if (taskpane && teams) return 'start-shared';
    if (taskpane) return 'start-taskpane';
    if (teams) return 'start-teams';
    return null;
  };
}

/**
 * Set while the plugin's own first pass builds: that pass is split automatically. On `globalThis`, because
 * the first pass loads the Vite config again, with its own copy of this module.
 */
const firstPassKey = Symbol.for('brevladevakten.startChunks.firstPass');
const pass = globalThis as { [firstPassKey]?: boolean };
/**
 * Whether this is the first pass's build: plugins whose output does not change how modules are split
 * (the inline boot script, the event-runtime script) skip their work in it.
 */
export const inFirstPass = () => pass[firstPassKey] === true;

/**
 * The plugin and the group's name function (see above). The plugin's first pass, at the start of a
 * build, takes about as long again as the bundling itself (a couple of seconds).
 */
export function startChunks(entries: StartEntries): { plugin: Plugin; name: CodeSplittingNameFunction } {
  let modules: StartModules | null = null;
  const plugin: Plugin = {
    name: 'brevladevakten-start-chunks',
    apply: 'build',
    async configResolved(config) {
      if (inFirstPass() || config.build.ssr || config.build.lib) return;
      pass[firstPassKey] = true;
      try {
        const output = await build({
          configFile: config.configFile ?? false,
          root: config.root,
          mode: config.mode,
          logLevel: 'silent',
          build: { write: false, minify: false, sourcemap: false, copyPublicDir: false },
        });
        const outputs = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
        const chunks = outputs.flatMap((result) => result.output.filter((item): item is Rollup.OutputChunk => item.type === 'chunk'));
        modules = startModules(chunks, entries);
      } finally {
        pass[firstPassKey] = false;
      }
    },
  };
  return { plugin, name: startChunkName(() => (inFirstPass() ? null : modules)) };
}
