import { describe, expect, it } from 'vitest';
import { sideloadingWarnings } from './appConfigForManifest';

describe('sideloadingWarnings', () => {
  it('warns that an http base URL and the nil client id cannot be sideloaded, naming the fields', () => {
    const config = {
      organisation: { name: 'Sjöby kommun' },
      auth: { clientId: '00000000-0000-0000-0000-000000000000' },
      app: { baseUrl: 'http://localhost:3000' },
    };
    const warnings = sideloadingWarnings(config, 'config.json');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('`app.baseUrl`');
    expect(warnings[0]).toContain('HTTPS');
    expect(warnings[1]).toContain('`auth.clientId`');
  });

  it('has nothing to say about an https base URL with a real client id', () => {
    const config = {
      organisation: { name: 'Sjöby kommun' },
      auth: { clientId: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b' },
      app: { baseUrl: 'https://sjoby.se' },
    };
    expect(sideloadingWarnings(config, 'config.json')).toEqual([]);
  });
});
