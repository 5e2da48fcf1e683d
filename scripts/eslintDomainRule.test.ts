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

  it('allows the same import outside the domain', async () => {
    const found = await problems("import { useState } from 'react';\nexport const x = useState;\n", 'shared/ui/example.ts');
    expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toEqual([]);
  });
});
