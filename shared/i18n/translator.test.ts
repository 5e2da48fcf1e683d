import { describe, expect, it } from 'vitest';
import { createTranslator } from './translator.ts';

const messages = {
  app: { title: 'Brevlådevakten' },
  queue: { count_one: '{{count}} meddelande i {{mailbox}}', count_other: '{{count}} meddelanden i {{mailbox}}' },
  greet: 'Hej {{ name }}, hej {{name}}!',
  onlyOther: { items_other: '{{count}} saker' },
};

describe('createTranslator', () => {
  const { t } = createTranslator('sv', messages);

  it('finds dotted keys', () => {
    expect(t('app.title')).toBe('Brevlådevakten');
  });

  it('interpolates every placeholder, spaces inside braces allowed', () => {
    expect(t('greet', { name: 'Åsa' })).toBe('Hej Åsa, hej Åsa!');
  });

  it('inserts values as they are: React escapes text, so nothing is escaped twice', () => {
    expect(t('greet', { name: 'Åsa & Co <img src=x onerror=alert(1)>' })).toBe(
      'Hej Åsa & Co <img src=x onerror=alert(1)>, hej Åsa & Co <img src=x onerror=alert(1)>!',
    );
  });

  it('picks the plural form with the language rules', () => {
    expect(t('queue.count', { count: 1, mailbox: 'Kundtjänst' })).toBe('1 meddelande i Kundtjänst');
    expect(t('queue.count', { count: 0, mailbox: 'Kundtjänst' })).toBe('0 meddelanden i Kundtjänst');
    expect(t('queue.count', { count: 21, mailbox: 'Kundtjänst' })).toBe('21 meddelanden i Kundtjänst');
    // Finnish and English also have one/other; 1.5 is "other" in all three.
    expect(createTranslator('fi', messages).t('queue.count', { count: 1.5, mailbox: 'x' })).toBe('1.5 meddelanden i x');
  });

  it('falls back to the _other form when a language has no form for the category', () => {
    expect(t('onlyOther.items', { count: 1 })).toBe('1 saker');
  });

  it('returns the key itself for a missing key or a key naming a group, so the mistake is visible', () => {
    expect(t('app.missing')).toBe('app.missing');
    expect(t('app')).toBe('app');
    expect(t('app.title.deeper')).toBe('app.title.deeper');
  });

  it('leaves a placeholder without a value visible rather than printing "undefined"', () => {
    expect(t('greet', {})).toBe('Hej {{ name }}, hej {{name}}!');
  });

  it('reports its language', () => {
    expect(createTranslator('fi', messages).language).toBe('fi');
  });
});
