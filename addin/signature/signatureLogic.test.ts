import { describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { renderSignature } from '../../shared/domain/index.ts';
import type { ComposeItemLike } from '../outlook/OutlookHostApi.ts';
import {
  SIGNATURE_CACHE_MAX_CHARS,
  applySignature,
  chooseSignature,
  fitSignatureCache,
  planSignature,
} from './signatureLogic.ts';

const template = 'Med vänlig hälsning\n\n{displayName}\n{mail}\n{organisationName}';
const elin = renderSignature(template, { displayName: 'Elin Berg', mail: 'elin.berg@sjoby.example', organisationName: 'Sjöby kommun' }).html;
const bygglov = renderSignature(template, { displayName: 'Bygglov', mail: 'bygglov@sjoby.example', organisationName: 'Sjöby kommun' }).html;
const count = (html: string) => (html.match(/data-brevladevakten-signature/g) ?? []).length;

/** A compose item from office-addin-mock whose body is a string the calls read and write. */
function composeItem(initialBody: string, options: { setSignature?: boolean } = {}) {
  const state = { body: initialBody, calls: [] as string[] };
  const body: Record<string, unknown> = {
    getAsync: (_type: string, _options: object, callback: (r: unknown) => void) => callback({ status: 'succeeded', value: state.body }),
    setAsync: (data: string, _options: object, callback?: (r: unknown) => void) => {
      state.calls.push('setAsync');
      state.body = data;
      callback?.({ status: 'succeeded' });
    },
  };
  if (options.setSignature !== false) {
    // Like the clients that append a second signature instead of replacing.
    body.setSignatureAsync = (data: string, _options: object, callback?: (r: unknown) => void) => {
      state.calls.push('setSignatureAsync');
      state.body += data;
      callback?.({ status: 'succeeded' });
    };
  }
  const mock = new OfficeMockObject({ host: 'outlook', context: { mailbox: { item: { body } } } }) as unknown as {
    context: { mailbox: { item: ComposeItemLike } };
  };
  return { item: mock.context.mailbox.item, state };
}

describe('planSignature', () => {
  it('inserts into a body without a standard signature', () => {
    expect(planSignature('<p>Hej</p>', elin)).toEqual({ kind: 'insert' });
  });

  it('keeps the same signature, even as the client re-serialised it', () => {
    const reserialised = elin.replace('class="brevladevakten-signature" data-brevladevakten-signature="1"', 'data-brevladevakten-signature="1" class="brevladevakten-signature" style="x"');
    expect(planSignature(`<p>Hej</p>${reserialised}`, elin)).toEqual({ kind: 'keep' });
  });

  it('replaces another standard signature, and collapses two into one', () => {
    const plan = planSignature(`<html><body><p>Hej</p>${elin}</body></html>`, bygglov);
    expect(plan.kind).toBe('replace');
    const html = plan.kind === 'replace' ? plan.html : '';
    expect(count(html)).toBe(1);
    expect(html).toContain('bygglov@sjoby.example');
    expect(html).not.toContain('Elin Berg');
    expect(html.indexOf('Bygglov')).toBeLessThan(html.indexOf('</body>'));
    const twice = planSignature(`<p>Hej</p>${elin}${elin}`, elin);
    expect(twice.kind === 'replace' && count(twice.html)).toBe(1);
  });

  it('leaves a quoted sender’s signature (x_ prefix) alone', () => {
    const quoted = '<div class="x_brevladevakten-signature">Anna Johansson</div>';
    expect(planSignature(`<p>Hej</p>${quoted}`, elin)).toEqual({ kind: 'insert' });
  });
});

describe('applySignature against Office.js (office-addin-mock)', () => {
  it('inserts with setSignatureAsync once, and a second call changes nothing', async () => {
    const { item, state } = composeItem('<p>Hej</p>');
    expect(await applySignature(item, elin)).toBe('insert');
    expect(await applySignature(item, elin)).toBe('keep');
    expect(count(state.body)).toBe(1);
    expect(state.calls).toEqual(['setSignatureAsync']);
  });

  it('replaces the personal signature with the function mailbox’s through setAsync', async () => {
    const { item, state } = composeItem(`<p>Hej</p>${elin}`);
    expect(await applySignature(item, bygglov)).toBe('replace');
    expect(count(state.body)).toBe(1);
    expect(state.body).toContain('bygglov@sjoby.example');
    expect(state.calls).toEqual(['setAsync']);
  });

  it('appends through setAsync below Mailbox 1.10 (no setSignatureAsync)', async () => {
    const { item, state } = composeItem('<p>Hej</p>', { setSignature: false });
    expect(await applySignature(item, elin)).toBe('insert');
    expect(state.body).toBe(`<p>Hej</p>${elin}`);
  });
});

describe('chooseSignature and the roaming-settings cache', () => {
  const profile = { displayName: 'Elin Berg', emailAddress: 'elin.berg@sjoby.example' };
  const cache = { template, organisation: { organisationName: 'Sjöby kommun' }, personal: elin, mailboxes: { 'bygglov@sjoby.example': bygglov } };

  it('picks the personal or the function mailbox’s cached signature by From', () => {
    expect(chooseSignature(cache, null, profile)).toBe(elin);
    expect(chooseSignature(cache, { emailAddress: 'ELIN.BERG@sjoby.example', displayName: 'Elin' }, profile)).toBe(elin);
    expect(chooseSignature(cache, { emailAddress: 'Bygglov@sjoby.example', displayName: 'Bygglov' }, profile)).toBe(bygglov);
  });

  it('falls back to the user profile, escaped, when nothing is cached', () => {
    const html = chooseSignature(null, null, { displayName: '<img src=x onerror=alert(1)>', emailAddress: 'x@sjoby.example' });
    expect(html).toContain('&lt;img');
    expect(html).not.toContain('<img');
    expect(chooseSignature({ ...cache, mailboxes: {} }, { emailAddress: 'miljo@sjoby.example', displayName: 'Miljö' }, profile)).toContain('Miljö');
  });

  it('stays under the roaming-settings limit by dropping function mailboxes first', () => {
    const mailboxes: Record<string, string> = {};
    for (let i = 0; i < 300; i += 1) mailboxes[`box${i}@sjoby.example`] = bygglov;
    const fitted = fitSignatureCache({ ...cache, mailboxes });
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(SIGNATURE_CACHE_MAX_CHARS);
    expect(fitted.personal).toBe(elin);
    expect(Object.keys(fitted.mailboxes).length).toBeGreaterThan(0);
  });
});
