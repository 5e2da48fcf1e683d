/**
 * Our own styles precompiled at build time, as Griffel's AOT transform does it and Fluent ships its own:
 * every `*.styles.ts` module under addin/, shared/ or teams-app/ is evaluated in Node and replaced by
 * `__styles(classes, cssRules)` calls. The browser then gets no runtime style compiler (resolveStyleRules,
 * stylis, rtl-css-js: ~11 KB gzip and ~15 ms on a cold first render).
 *
 * The source stays ordinary Griffel code, so the dev server and the unit tests use the runtime makeStyles.
 * The convention: a `X.styles.ts` module exports only `makeStyles({...})` hooks (makeStyles from
 * '@fluentui/react-components'), and string or number constants the component needs as well, and
 * imports only from packages, so it can run on its own at build time.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
// The Griffel that @fluentui/react-components itself uses (no dependency of ours: one version, one hash).
import { resolveStyleRulesForSlots } from '@griffel/core';
import type { CSSBucketEntry, CSSRulesByBucket, GriffelStyle } from '@griffel/core';
import { createRunnableDevEnvironment, parseAst, resolveConfig } from 'vite';
import type { Plugin, RunnableDevEnvironment } from 'vite';

const shimPath = fileURLToPath(new URL('./griffelAotShim.ts', import.meta.url));
/** What griffelAotShim.ts's makeStyles returns the styles under. */
const stylesKey = Symbol.for('brevladevakten.griffelAot.styles');
const fluent = '@fluentui/react-components';
const ownStylesModule = /^(addin|shared|teams-app)\/.+\.styles\.ts$/;
const convention = `A *.styles.ts module is run at build time (scripts/griffelAot.ts): it may import only from packages, and export only makeStyles() hooks (makeStyles from "${fluent}") and string or number constants.`;

/** A styles module that breaks the convention: the message names the file and the fix. */
export class GriffelAotError extends Error {
  override name = 'GriffelAotError';
}

/** What the module imports: sources that are not packages, and the names it takes from @fluentui/react-components. */
function importsOf(code: string, file: string): { local: string[]; fromFluent: string[] } {
  const local: string[] = [];
  const fromFluent: string[] = [];
  for (const node of parseAst(code, { lang: 'ts' }, file).body) {
    if (node.type !== 'ImportDeclaration' && node.type !== 'ExportAllDeclaration' && node.type !== 'ExportNamedDeclaration') continue;
    if (!node.source) continue;
    const source = node.source.value;
    if (/^[./]/.test(source)) local.push(source);
    if (source !== fluent || node.type !== 'ImportDeclaration' || node.importKind === 'type') continue;
    for (const specifier of node.specifiers) {
      if (specifier.type !== 'ImportSpecifier') fromFluent.push('*');
      else if (specifier.importKind !== 'type') fromFluent.push(specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value);
    }
  }
  return { local, fromFluent };
}

/** A styles module's exports once evaluated: its hooks' styles by slot, and any plain constants. */
type Evaluated = Map<string, { styles: Record<string, GriffelStyle> } | { constant: string | number }>;

/**
 * Evaluates styles modules in one Vite module runner (a new one per module would cost ~50 ms each), in
 * which '@fluentui/react-components' is griffelAotShim.ts. Close it at the end of the build.
 */
export class StylesEvaluator {
  readonly #environment: Promise<RunnableDevEnvironment>;

  constructor(readonly root: string) {
    this.#environment = (async () => {
      const config = await resolveConfig(
        {
          configFile: false,
          envDir: false,
          root,
          logLevel: 'error',
          plugins: [{ name: 'brevladevakten-griffel-aot-shim', enforce: 'pre', resolveId: (source) => (source === fluent ? shimPath : null) }],
          environments: {
            griffelAot: {
              consumer: 'server',
              dev: { moduleRunnerTransform: true },
              // Packages straight to Node, except Fluent's, which goes through the plugin above.
              resolve: { external: true, noExternal: [fluent], mainFields: [], conditions: ['node'] },
            },
          },
        },
        'serve',
      );
      const environment = createRunnableDevEnvironment('griffelAot', config, { runnerOptions: { hmr: { logger: false } }, hot: false });
      await environment.init();
      return environment;
    })();
  }

  async evaluate(id: string, file: string, fromFluent: string[]): Promise<Evaluated> {
    const { runner } = await this.#environment;
    const available = Object.keys(await runner.import<Record<string, unknown>>(shimPath));
    const missing = fromFluent.filter((name) => !available.includes(name));
    if (missing.length > 0) {
      throw new GriffelAotError(
        `[griffelAot] ${file} takes ${missing.map((n) => (n === '*' ? 'the whole package' : `"${n}"`)).join(', ')} from ${fluent}, which build time does not provide: scripts/griffelAotShim.ts lists what it does (${available.join(', ')}); add the name there from the package that defines it.`,
      );
    }
    let module: Record<string, unknown>;
    try {
      module = await runner.import<Record<string, unknown>>(id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new GriffelAotError(`[griffelAot] ${file} could not be evaluated at build time: ${reason}\n${convention}`);
    }
    // What the source check cannot see (a dynamic import, an alias to a file of ours).
    const local = [...(runner.evaluatedModules.getModuleById(id)?.imports ?? [])].filter(
      (dependency) => dependency !== shimPath && !/[\\/]node_modules[\\/]/.test(dependency),
    );
    if (local.length > 0) {
      throw new GriffelAotError(`[griffelAot] ${file} loads modules of ours (${local.map((d) => relative(this.root, d)).join(', ')}). ${convention}`);
    }
    const exports: Evaluated = new Map();
    for (const [name, value] of Object.entries(module)) {
      const styles = typeof value === 'object' && value !== null ? (value as Record<symbol, unknown>)[stylesKey] : undefined;
      if (name === 'default') {
        throw new GriffelAotError(`[griffelAot] ${file} has a default export: export named makeStyles() hooks. ${convention}`);
      } else if (styles) {
        exports.set(name, { styles: styles as Record<string, GriffelStyle> });
      } else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
        // A number the component needs as well as the styles (CoverageGrid's row height): one source for both.
        exports.set(name, { constant: value });
      } else {
        throw new GriffelAotError(
          `[griffelAot] ${file} exports "${name}", which is neither a makeStyles() hook nor a string or number constant: move it to another module. ${convention}`,
        );
      }
    }
    return exports;
  }

  async close(): Promise<void> {
    await (await this.#environment).close();
  }
}

/**
 * One copy of each rule per bucket, in first-seen order: slots often share a rule, and the bundle need
 * not carry it twice (Griffel's own transform does the same; the renderer inserts a rule once anyway).
 */
function dedupe(cssRules: CSSRulesByBucket): CSSRulesByBucket {
  const unique: Record<string, CSSBucketEntry[]> = {};
  for (const [bucket, entries] of Object.entries(cssRules) as Array<[string, CSSBucketEntry[]]>) {
    const seen = new Set<string>();
    unique[bucket] = entries.filter((entry) => {
      const key = JSON.stringify(entry);
      return !seen.has(key) && seen.add(key);
    });
  }
  return unique as CSSRulesByBucket;
}

/**
 * The precompiled module for a `*.styles.ts` file: `export const useX = __styles(classes, cssRules)` for
 * each of its hooks, the shape of Fluent's own `*.styles.js`. Throws GriffelAotError when the module
 * breaks the convention.
 */
export async function precompileStyles(evaluator: StylesEvaluator, id: string, code: string): Promise<string> {
  const file = relative(evaluator.root, id).replaceAll('\\', '/');
  const { local, fromFluent } = importsOf(code, file);
  if (local.length > 0) {
    throw new GriffelAotError(
      `[griffelAot] ${file} imports ${local.map((s) => `"${s}"`).join(', ')}: move those values into the styles module or take them from a package. ${convention}`,
    );
  }
  const lines = [`// ${file}, precompiled by scripts/griffelAot.ts.`, `import { __styles } from '${fluent}';`];
  for (const [name, value] of await evaluator.evaluate(id, file, fromFluent)) {
    if ('constant' in value) {
      lines.push(`export const ${name} = ${JSON.stringify(value.constant)};`);
      continue;
    }
    const [classesMapBySlot, cssRules] = resolveStyleRulesForSlots(value.styles);
    lines.push(`export const ${name} = /*#__PURE__*/ __styles(${JSON.stringify(classesMapBySlot)}, ${JSON.stringify(dedupe(cssRules))});`);
  }
  return `${lines.join('\n')}\n`;
}

/** Registers the precompilation for `vite build` (the dev server keeps the runtime makeStyles). */
export function griffelAot(): Plugin {
  let root = process.cwd();
  let evaluator: StylesEvaluator | null = null;
  return {
    name: 'brevladevakten-griffel-aot',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    async transform(code, id) {
      if (!ownStylesModule.test(relative(root, id).replaceAll('\\', '/'))) return null;
      evaluator ??= new StylesEvaluator(root);
      try {
        return { code: await precompileStyles(evaluator, id, code), map: { mappings: '' } };
      } catch (error) {
        if (error instanceof GriffelAotError) this.error(error.message);
        throw error;
      }
    },
    // A fresh runner for each build, so a watch-mode rebuild sees edited styles.
    async buildEnd() {
      await evaluator?.close();
      evaluator = null;
    },
  };
}
