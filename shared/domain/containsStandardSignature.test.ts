import { describe, expect, it } from 'vitest';
import { containsStandardSignature } from './containsStandardSignature.ts';
import { renderSignature } from './renderSignature.ts';

describe('containsStandardSignature', () => {
  it('finds a signature rendered by renderSignature in a message body', () => {
    const { html } = renderSignature('{displayName}', { displayName: 'Anna' });
    expect(containsStandardSignature(`<html><body><p>Hej!</p>${html}</body></html>`)).toBe(true);
  });

  it('finds the marker class when a client dropped the data attribute', () => {
    expect(containsStandardSignature('<div class="MsoNormal brevladevakten-signature">Anna</div>')).toBe(
      true,
    );
    expect(containsStandardSignature("<div class='brevladevakten-signature'>Anna</div>")).toBe(true);
  });

  it('does not count the signature of a quoted message, whose classes Outlook prefixes with x_', () => {
    expect(containsStandardSignature('<div class="x_brevladevakten-signature">Anna</div>')).toBe(false);
  });

  it('does not count text that merely mentions the marker', () => {
    expect(containsStandardSignature('<p>&lt;div data-brevladevakten-signature="1"&gt;</p>')).toBe(false);
    expect(containsStandardSignature('<p>class="brevladevakten-signature"</p>')).toBe(false);
    expect(containsStandardSignature('<div class="brevladevakten-signature-old">Anna</div>')).toBe(false);
  });

  it('finds nothing in a body without a signature', () => {
    expect(containsStandardSignature('<p>Hej!</p><p>Anna</p>')).toBe(false);
    expect(containsStandardSignature('')).toBe(false);
  });
});
