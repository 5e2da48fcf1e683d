import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from 'vite';
import { officeJs, officeJsCdn } from './vitePlugins.ts';

function officeJsUrlFor(command: 'build' | 'serve', mode: string): string {
  const plugin = officeJs();
  (plugin.configResolved as (c: ResolvedConfig) => void)({ command, mode } as ResolvedConfig);
  const transform = plugin.transformIndexHtml as (html: string) => string;
  const html = transform('<script src="%OFFICE_JS_URL%"></script>');
  return /src="([^"]+)"/.exec(html)?.[1] ?? '';
}

describe('the Office.js source', () => {
  it('is Microsoft’s CDN in the production build (a store requirement)', () => {
    expect(officeJsUrlFor('build', 'production')).toBe(officeJsCdn);
    expect(officeJsCdn).toMatch(/^https:\/\/appsforoffice\.microsoft\.com\//);
  });

  it('is the local @microsoft/office-js copy in development and in test builds', () => {
    expect(officeJsUrlFor('serve', 'development')).toBe('/office-js/office.js');
    expect(officeJsUrlFor('build', 'test')).toBe('/office-js/office.js');
  });
});
