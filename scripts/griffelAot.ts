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
import { parseAst, runnerImport } from 'vite';
import type { Plugin } from 'vite';

const shimPath = fileURLToPath(new URL('./griffelAotShim.ts', import.meta.url));
/** What griffelAotShim.ts's makeStyles returns the styles under. */
const stylesKey = Symbol.for('brevladevakten.griffelAot.styles');
const ownStylesModule = /^(addin|shared|teams-app)\/.+\.styles\.ts$/;
const convention =
  'A *.styles.ts module is run at build time (scripts/griffelAot.ts): it may import only from packages, and export only makeStyles() hooks (makeStyles from "@fluentui/react-components") and string or number constants.';

/** A styles module that breaks the convention: the message names the file and the fix. */
export class GriffelAotError extends Error {
  override name = 'GriffelAotError';
}

/** The module's import sources that are not packages (relative or absolute paths). */
function localImports(code: string, file: string): string[] {
  const program = parseAst(code, { lang: 'ts' }, file);
  const sources: string[] = [];
  for (const node of program.body) {
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source) {
      sources.push(node.source.value);
    }
  }
  return sources.filter((source) => /^[./]/.test(source));
}

/** A styles module's exports once evaluated: its hooks' styles by slot, and any plain constants. */
type Evaluated = Map<string, { styles: Record<string, GriffelStyle> } | { constant: string | number }>;

/** Evaluates the module in Vite's module runner, where its makeStyles is griffelAotShim.ts's. */
async function evaluate(id: string, file: string, root: string): Promise<Evaluated> {
  let evaluated: { module: Record<string, unknown>; dependencies: string[] };
  try {
    evaluated = await runnerImport<Record<string, unknown>>(id, {
      root,
      logLevel: 'error',
      // Through the plugins below rather than straight to Node, which is where bare imports go otherwise.
      environments: { inline: { resolve: { noExternal: ['@fluentui/react-components'] } } },
      plugins: [
        {
          name: 'brevladevakten-griffel-aot-shim',
          enforce: 'pre',
          resolveId: (source, importer) => (source === '@fluentui/react-components' && importer !== shimPath ? shimPath : null),
        },
      ],
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GriffelAotError(`[griffelAot] ${file} could not be evaluated at build time: ${reason}\n${convention}`);
  }
  const local = evaluated.dependencies.filter((dependency) => dependency !== shimPath && !/[\\/]node_modules[\\/]/.test(dependency));
  if (local.length > 0) {
    const names = local.map((dependency) => relative(root, dependency)).join(', ');
    throw new GriffelAotError(`[griffelAot] ${file} loads local modules (${names}). ${convention}`);
  }
  const exports: Evaluated = new Map();
  for (const [name, value] of Object.entries(evaluated.module)) {
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
export async function precompileStyles(id: string, code: string, root: string): Promise<string> {
  const file = relative(root, id).replaceAll('\\', '/');
  const local = localImports(code, file);
  if (local.length > 0) {
    throw new GriffelAotError(
      `[griffelAot] ${file} imports ${local.map((s) => `"${s}"`).join(', ')}: move those values into the styles module or take them from a package. ${convention}`,
    );
  }
  const lines = [`// ${file}, precompiled by scripts/griffelAot.ts.`, `import { __styles } from '@fluentui/react-components';`];
  for (const [name, value] of await evaluate(id, file, root)) {
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
  return {
    name: 'brevladevakten-griffel-aot',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    async transform(code, id) {
      if (!ownStylesModule.test(relative(root, id).replaceAll('\\', '/'))) return null;
      try {
        return { code: await precompileStyles(id, code, root), map: { mappings: '' } };
      } catch (error) {
        if (error instanceof GriffelAotError) this.error(error.message);
        throw error;
      }
    },
  };
}
