import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { RendererProvider, TextDirectionProvider } from '@griffel/react';
import type { CSSBucketEntry, CSSRulesByBucket, GriffelRenderer } from '@griffel/core';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { StylesEvaluator, griffelAot, precompileStyles } from './griffelAot.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the project, so the modules written here find node_modules as the app's own do.
const work = join(root, `.cache/griffel-aot-test-${process.pid}`);
const evaluator = new StylesEvaluator(root);
afterAll(async () => {
  await evaluator.close();
  rmSync(work, { recursive: true, force: true });
});

function write(path: string, text: string): string {
  const file = join(work, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

type Hooks = Record<string, unknown>;

/** The plugin's output for a styles module, imported as the browser build would run it. */
async function precompiled(file: string): Promise<Hooks> {
  const code = await precompileStyles(evaluator, file, readFileSync(file, 'utf8'));
  const out = write(`aot/${relative(root, file).replaceAll('/', '__')}`, code);
  return (await import(/* @vite-ignore */ out)) as Hooks;
}

let renders = 0;
/** Renders a hook under a text direction; returns its classes and the rules it inserted (each once, in order). */
function run(hook: unknown, dir: 'ltr' | 'rtl'): { classes: unknown; rules: Record<string, string[]> } {
  const inserted: CSSRulesByBucket[] = [];
  const renderer: GriffelRenderer = {
    id: `griffel-aot-test-${++renders}`,
    insertionCache: {},
    stylesheets: {},
    compareMediaQueries: () => 0,
    compareContainerQueries: () => 0,
    insertCSSRules: (rules) => void inserted.push(rules),
  };
  let classes: unknown;
  function Probe() {
    classes = (hook as () => unknown)();
    return null;
  }
  renderToString(createElement(RendererProvider, { renderer, children: createElement(TextDirectionProvider, { dir, children: createElement(Probe) }) }));
  const rules: Record<string, string[]> = {};
  for (const byBucket of inserted) {
    for (const [bucket, entries] of Object.entries(byBucket) as Array<[string, CSSBucketEntry[]]>) {
      const list = (rules[bucket] ??= []);
      for (const entry of entries) if (!list.includes(JSON.stringify(entry))) list.push(JSON.stringify(entry));
    }
  }
  return { classes, rules };
}

/** Each export of the precompiled module gives what the runtime makeStyles gives, in both directions. */
async function expectSameAsRuntime(file: string): Promise<void> {
  const runtime = (await import(/* @vite-ignore */ file)) as Hooks;
  const aot = await precompiled(file);
  expect(Object.keys(aot).sort()).toEqual(Object.keys(runtime).sort());
  for (const [name, value] of Object.entries(runtime)) {
    if (typeof value !== 'function') {
      expect(aot[name], name).toBe(value);
      continue;
    }
    for (const dir of ['ltr', 'rtl'] as const) {
      const expected = run(value, dir);
      expect(Object.keys(expected.rules), `${name} inserts rules`).not.toHaveLength(0);
      expect(run(aot[name], dir), `${name} (${dir})`).toEqual(expected);
    }
  }
}

const probe = `import { createFocusOutlineStyle, makeStyles, tokens } from '@fluentui/react-components';

export const ROW_HEIGHT = 44;

export const useProbeStyles = makeStyles({
  root: {
    color: tokens.colorNeutralForeground2,
    border: \`\${tokens.strokeWidthThin} solid \${tokens.colorNeutralStroke2}\`,
    paddingLeft: tokens.spacingHorizontalM,
    height: \`\${ROW_HEIGHT}px\`,
    ':hover': { color: tokens.colorNeutralForeground2Hover },
    '::after': { content: '""', insetInlineStart: 0 },
    '@media (forced-colors: active)': { borderLeftColor: 'Highlight' },
    ...createFocusOutlineStyle(),
  },
  other: { color: tokens.colorNeutralForeground2, marginRight: '4px' },
});

export const useSecondStyles = makeStyles({ gap: { gap: tokens.spacingVerticalS } });
`;

describe('a precompiled styles module', () => {
  it('gives the same classes and CSS rules as the runtime makeStyles, left-to-right and right-to-left', async () => {
    const file = write('probe.styles.ts', probe);
    await expectSameAsRuntime(file);

    // What the comparison covered: a token, a shorthand, a pseudo-class and -element, a media query, and a
    // property that flips right-to-left.
    const { classes: ltr, rules } = run((await precompiled(file)).useProbeStyles, 'ltr');
    const { classes: rtl } = run((await precompiled(file)).useProbeStyles, 'rtl');
    const all = Object.values(rules).flat().join('\n');
    expect(all).toContain('color:var(--colorNeutralForeground2);');
    expect(all).toContain('border:var(--strokeWidthThin) solid var(--colorNeutralStroke2);');
    expect(rules.h?.join('\n')).toContain(':hover{color:var(--colorNeutralForeground2Hover);}');
    expect(all).toContain('::after{content:\\"\\";}');
    expect(rules.m?.join('\n')).toContain('@media (forced-colors: active)');
    expect(all).toContain('padding-left:var(--spacingHorizontalM);');
    expect(all).toContain('padding-right:var(--spacingHorizontalM);');
    expect(ltr).not.toEqual(rtl);
  });

  it('carries a string or number constant over as it is', async () => {
    const aot = await precompiled(write('constant.styles.ts', probe));
    expect(aot.ROW_HEIGHT).toBe(44);
  });

  it('holds each CSS rule once, though slots share it', async () => {
    const code = await precompileStyles(evaluator, write('shared.styles.ts', probe), probe);
    expect(code.match(/\{color:var\(--colorNeutralForeground2\);\}/g)).toHaveLength(1);
  });

  it('is __styles(classes, cssRules) from @fluentui/react-components, the shape of Fluent’s own styles', async () => {
    const code = await precompileStyles(evaluator, write('shape.styles.ts', probe), probe);
    expect(code).toContain(`import { __styles } from '@fluentui/react-components';`);
    expect(code).toMatch(/^export const useProbeStyles = \/\*#__PURE__\*\/ __styles\(\{"root":\{/m);
    expect(code).not.toContain('makeStyles');
  });
});

describe('every styles module of the app', () => {
  const modules = ['addin', 'shared', 'teams-app'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.styles.ts'))
      .map((path) => join(root, dir, path)),
  );

  it('is there to check', () => expect(modules.length).toBeGreaterThan(10));

  it.each(modules.map((file) => [relative(root, file), file]))('%s precompiles to what the runtime makeStyles gives', async (_, file) => {
    await expectSameAsRuntime(file);
  });
});

describe('the build', () => {
  /** Builds an entry that imports `addin/Bad.styles.ts` with the plugin; resolves to the build's error message. */
  async function buildError(styles: string, extra: Record<string, string> = {}): Promise<string> {
    const project = join(work, `project-${++renders}`);
    for (const [path, text] of Object.entries({ ...extra, 'addin/Bad.styles.ts': styles, 'entry.ts': `export * from './addin/Bad.styles.ts';\n` })) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    try {
      await build({
        configFile: false,
        root: project,
        logLevel: 'silent',
        plugins: [griffelAot()],
        build: { write: false, lib: { entry: join(project, 'entry.ts'), formats: ['es'] }, rollupOptions: { external: /^@fluentui\// } },
      });
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    throw new Error('The build succeeded.');
  }

  it('fails naming the file and the fix when a styles module imports a module of ours', async () => {
    const message = await buildError(
      `import { makeStyles } from '@fluentui/react-components';\nimport { gap } from './gap.ts';\nexport const useBadStyles = makeStyles({ root: { gap } });\n`,
      { 'addin/gap.ts': `export const gap = '4px';\n` },
    );
    expect(message).toContain('[griffelAot] addin/Bad.styles.ts imports "./gap.ts"');
    expect(message).toContain('may import only from packages');
  });

  it('fails naming the export and the fix when a styles module exports something that is not a hook', async () => {
    const message = await buildError(
      `import { makeStyles } from '@fluentui/react-components';\nexport const useBadStyles = makeStyles({ root: { gap: '4px' } });\nexport const describeGap = () => 'four pixels';\n`,
    );
    expect(message).toContain('[griffelAot] addin/Bad.styles.ts exports "describeGap", which is neither a makeStyles() hook nor a string or number constant');
    expect(message).toContain('move it to another module');
  });

  it('fails naming the name when a styles module takes from Fluent what build time does not provide', async () => {
    const message = await buildError(
      `import { iconFilledClassName, makeStyles } from '@fluentui/react-components';\nexport const useBadStyles = makeStyles({ root: { [\`& .\${iconFilledClassName}\`]: { display: 'none' } } });\n`,
    );
    expect(message).toContain('[griffelAot] addin/Bad.styles.ts takes "iconFilledClassName" from @fluentui/react-components');
    expect(message).toContain('add the name there');
  });

  it('fails naming the file when a styles module cannot be evaluated', async () => {
    const message = await buildError(
      `import { makeStyles } from '@fluentui/react-components';\nexport const useBadStyles = makeStyles({ root: { color: (globalThis as any).document.body.style.color } });\n`,
    );
    expect(message).toContain('[griffelAot] addin/Bad.styles.ts could not be evaluated at build time');
  });
});
