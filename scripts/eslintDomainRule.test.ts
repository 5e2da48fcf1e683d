import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the ESLint rule that keeps shared/domain pure', () => {
  it.each([
    ["import { useState } from 'react';", 'React'],
    ["import { Button } from '@fluentui/react-components';", 'Fluent'],
    ["import { app } from '@microsoft/teams-js';", 'Teams'],
    ["import { PublicClientApplication } from '@azure/msal-browser';", 'MSAL'],
    ["import { Client } from '@microsoft/microsoft-graph-client';", 'Graph'],
    ["import { readRegister } from '../graph/index.ts';", 'the Graph layer'],
  ])('rejects %s (%s) in shared/domain', async (code) => {
    const found = await problems(`${code}\nexport const x = 1;\n`, 'shared/domain/example.ts');
    expect(found.some((p) => p.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('rejects reading the clock in shared/domain', async () => {
    const found = await problems('export const now = () => Date.now();\n', 'shared/domain/example.ts');
    expect(found.some((p) => p.includes('reads no clock'))).toBe(true);
  });

  it('still rejects UI imports in domain tests, which may use Temporal', async () => {
    const found = await problems(
      "import { useState } from 'react';\nimport { Temporal } from 'temporal-polyfill';\nexport const x = [useState, Temporal];\n",
      'shared/domain/example.test.ts',
    );
    expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toHaveLength(1);
    expect(found.some((p) => p.includes('temporal-polyfill'))).toBe(false);
  });

  it('allows the same import outside the domain', async () => {
    const found = await problems("import { useState } from 'react';\nexport const x = useState;\n", 'shared/ui/example.ts');
    expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toEqual([]);
  });
});

describe('the ESLint rule that keeps temporal-polyfill out of the browser bundles', () => {
  const temporal = "import { Temporal } from 'temporal-polyfill';\nexport const x = Temporal;\n";

  it.each([
    'shared/domain/example.ts',
    'shared/domain/sub/example.ts',
    'shared/ui/example.tsx',
    'shared/graph/example.ts',
    'addin/example.tsx',
    'teams-app/example.ts',
  ])('rejects temporal-polyfill in runtime code: %s', async (filePath) => {
    const found = await problems(temporal, filePath);
    expect(found.some((p) => p.startsWith('no-restricted-imports') && p.includes('Intl'))).toBe(true);
  });

  it('rejects a subpath import too', async () => {
    const found = await problems("import 'temporal-polyfill/global';\n", 'addin/example.ts');
    expect(found.some((p) => p.startsWith('no-restricted-imports'))).toBe(true);
  });

  it.each([
    'shared/domain/example.test.ts',
    'addin/example.test.tsx',
    'shared/domain/example.fixture.ts',
    'shared/domain/reference/straightforwardExample.ts',
    'bench/example.ts',
  ])('allows temporal-polyfill in tests, fixtures and the reference: %s', async (filePath) => {
    const found = await problems(temporal, filePath);
    expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toEqual([]);
  });

  it('keeps the domain-purity list in domain runtime files alongside it', async () => {
    const found = await problems(
      "import { useState } from 'react';\nimport { Temporal } from 'temporal-polyfill';\nexport const x = [useState, Temporal];\n",
      'shared/domain/example.ts',
    );
    expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toHaveLength(2);
  });
});
