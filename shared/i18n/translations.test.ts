import { describe, expect, it } from 'vitest';
import { createI18n, loadMessages, pickLanguage } from './index.ts';
import { resources } from './resources.ts';

function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value as object, path)) out.set(k, v);
  }
  return out;
}

describe('translations', () => {
  const sv = leaves(resources.sv.translation);

  it.each(['en', 'fi'] as const)(
    '%s has exactly the keys of Swedish, each translated and non-empty',
    (lang) => {
      const other = leaves(resources[lang].translation);
      expect([...other.keys()].sort()).toEqual([...sv.keys()].sort());
      for (const [key, text] of other) {
        expect(text.trim(), key).not.toBe('');
      }
      // Not a copy of Swedish: most strings must differ (names such as "Brevlådevakten" may not).
      // "Status" is the same word in Swedish and English.
      const sameByNature = new Set(['messages.state']);
      const same = [...other].filter(
        ([key, text]) => sv.get(key) === text && /[a-zåäö]{4}/i.test(text) && !sameByNature.has(key),
      );
      expect(same.map(([key]) => key)).toEqual([]);
    },
  );

  it.each(['en', 'fi'] as const)('%s uses the same interpolation placeholders as Swedish', (lang) => {
    const other = leaves(resources[lang].translation);
    for (const [key, text] of sv) {
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(other.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('chooses Swedish for Swedish, unknown and missing host locales', () => {
    expect(pickLanguage('sv-SE')).toBe('sv');
    expect(pickLanguage('nb-NO')).toBe('sv');
    expect(pickLanguage(undefined)).toBe('sv');
  });

  it('follows Finnish and English host locales', () => {
    expect(pickLanguage('fi-FI')).toBe('fi');
    expect(pickLanguage('en_GB')).toBe('en');
  });

  it('pluralises counts in each language', async () => {
    expect(createI18n('sv').t('messages.count', { count: 1 })).toBe('1 meddelande');
    expect(createI18n('sv').t('messages.count', { count: 3 })).toBe('3 meddelanden');
    expect(createI18n('fi', await loadMessages('fi')).t('messages.count', { count: 3 })).toBe('3 viestiä');
    expect(createI18n('en', await loadMessages('en')).t('messages.count', { count: 1 })).toBe('1 message');
  });

  it('loads each language on demand, the same messages the event runtime carries', async () => {
    for (const lang of ['sv', 'en', 'fi'] as const) {
      expect(await loadMessages(lang)).toBe(resources[lang].translation);
    }
  });

  it('refuses to build English or Finnish without their messages rather than showing Swedish', () => {
    expect(() => createI18n('fi')).toThrow(/loadMessages\('fi'\)/);
  });
});
