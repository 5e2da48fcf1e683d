import { describe, expect, it } from 'vitest';
import { autoReplyMentions } from './autoReplyMentions.ts';

describe('autoReplyMentions', () => {
  it('finds a name regardless of case, markup and line breaks', () => {
    expect(autoReplyMentions('<p>Kontakta <b>ERIK</b>\n dahl</p>', ['Erik Dahl'], [])).toBe(true);
  });

  it('finds a name written first name first when the directory lists it surname first', () => {
    expect(autoReplyMentions('Kontakta Erik Dahl.', ['Dahl, Erik'], [])).toBe(true);
  });

  it('finds a name without its middle names or a suffix in parentheses', () => {
    expect(autoReplyMentions('Kontakta Erik Dahl.', ['Erik Johan Dahl (SOC)'], [])).toBe(true);
  });

  it('does not take a name inside a longer word', () => {
    expect(autoReplyMentions('Kontakta Erik Dahlberg.', ['Erik Dahl'], [])).toBe(false);
  });

  it('finds an address in the text or in a link', () => {
    expect(autoReplyMentions('Skriv till KONTAKT@sjoby.example', [], ['kontakt@sjoby.example'])).toBe(true);
    expect(
      autoReplyMentions('<a href="mailto:kontakt@sjoby.example">här</a>', [], ['kontakt@sjoby.example']),
    ).toBe(true);
  });

  it('finds nothing in a reply that names nobody', () => {
    expect(autoReplyMentions('Jag är ledig till 1 december.', ['Erik Dahl'], ['kontakt@sjoby.example'])).toBe(
      false,
    );
    expect(autoReplyMentions('', [], [])).toBe(false);
  });
});
