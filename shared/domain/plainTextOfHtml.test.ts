import { describe, expect, it } from 'vitest';
import { plainTextOfHtml } from './plainTextOfHtml.ts';

describe('plainTextOfHtml', () => {
  it('keeps the visible text of an automatic reply as Exchange stores it', () => {
    const html =
      '<html><head><style>p { color: red; }</style></head><body><!-- x --><p>Jag &auml;r ledig.</p><p>Kontakta&nbsp;<b>Bo&#160;Ek</b> &amp; bygglov&#x40;sjoby.example</p></body></html>';
    expect(plainTextOfHtml(html)).toBe('Jag är ledig. Kontakta Bo Ek & bygglov@sjoby.example');
  });

  it('leaves unknown entities and plain text as they are', () => {
    expect(plainTextOfHtml('A &foo; B\n\nC')).toBe('A &foo; B C');
  });
});
