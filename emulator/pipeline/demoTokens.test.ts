import { describe, expect, it } from 'vitest';
import { demoTokenFor, parseDemoToken } from './demoTokens.ts';

describe('demo tokens', () => {
  it('name a user, with an issue epoch when issued by POST /demo/token', () => {
    expect(parseDemoToken('demo')).toEqual({ upn: null, epoch: null });
    expect(parseDemoToken(demoTokenFor('Elin.Berg@sjoby.example'))).toEqual({
      upn: 'elin.berg@sjoby.example',
      epoch: null,
    });
    expect(demoTokenFor('elin.berg@sjoby.example', 3)).toMatch(/^demo\.[A-Za-z0-9_-]+\.3$/);
    expect(parseDemoToken(demoTokenFor('elin.berg@sjoby.example', 3))).toEqual({
      upn: 'elin.berg@sjoby.example',
      epoch: 3,
    });
  });

  it('are not anything else', () => {
    for (const token of ['', 'demo.', 'demo.!!', 'Bearer demo', 'demo.ZWxpbg.x', 'other.ZWxpbg'])
      expect(parseDemoToken(token), token).toBeNull();
  });
});
