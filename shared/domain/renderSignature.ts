import { escapeHtml } from './escapeHtml.ts';
import type { SignatureField, SignatureFields } from './SignatureFields.ts';
import { signatureTemplateLines } from './signatureTemplateLines.ts';

/** The class and attribute that mark a rendered standard signature (see containsStandardSignature). */
export const SIGNATURE_MARKER_CLASS = 'brevladevakten-signature';
export const SIGNATURE_MARKER_ATTRIBUTE = 'data-brevladevakten-signature';

// Only these become links; anything else — `javascript:`, `data:`, a value with quotes or spaces — is
// shown as escaped text. The href is escaped as well, so `&` in a query string stays valid HTML.
const WEB_URL = /^https?:\/\/[^\s<>"'`\\]+$/i;
const BARE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:[/?#][^\s<>"'`\\]*)?$/i;
const MAIL_ADDRESS = /^[\p{L}\p{N}._+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

/** A field's value as one line of text: blank → '', line breaks inside (an address) → ', '. */
function valueOf(fields: SignatureFields, field: SignatureField | null): string {
  const value = field === null ? undefined : fields[field];
  return typeof value === 'string' ? value.trim().replace(/\s*\r?\n\s*/g, ', ') : '';
}

function valueHtml(field: SignatureField | null, value: string): string {
  const text = escapeHtml(value);
  if (field === 'website') {
    if (WEB_URL.test(value)) return `<a href="${text}">${text}</a>`;
    if (BARE_HOST.test(value)) return `<a href="https://${text}">${text}</a>`;
  }
  if (field === 'mail' && MAIL_ADDRESS.test(value)) return `<a href="mailto:${text}">${text}</a>`;
  return text;
}

/**
 * The standard signature (R5): the organisation's template filled from `person` — the user's directory
 * profile and the organisation's details, or a function mailbox's details when writing from it.
 *
 * - Every value is escaped: a display name `<img src=x onerror=…>` comes out as text. A `website` that
 *   is an http(s) address or a bare host name, and a `mail` that is an e-mail address, become links;
 *   any other value (`javascript:…`) stays text.
 * - A line with placeholders is dropped when all of them are empty (`Telefon: {phone}` without a phone
 *   number), so missing data leaves no empty line; a line with some placeholders filled is kept, its
 *   literal text included. Unknown placeholders are empty (`parseSignatureTemplate` reports them).
 * - Blank lines written in the template are kept, runs of them collapsed to one, and none at the start
 *   or end. Lines are trimmed.
 *
 * `html` is wrapped in a `<div>` carrying the marker that containsStandardSignature looks for, lines
 * joined by `<br>`; `text` joins the same lines with `\n`.
 */
export function renderSignature(template: string, person: SignatureFields): { html: string; text: string } {
  const lines: Array<{ html: string; text: string } | null> = []; // null: a blank line
  for (const parts of signatureTemplateLines(template)) {
    const placeholders = parts.filter((part) => part.kind === 'placeholder');
    if (placeholders.length > 0 && placeholders.every((part) => valueOf(person, part.field) === '')) continue;
    let html = '';
    let text = '';
    for (const part of parts) {
      if (part.kind === 'text') {
        html += escapeHtml(part.text);
        text += part.text;
      } else {
        const value = valueOf(person, part.field);
        html += valueHtml(part.field, value);
        text += value;
      }
    }
    lines.push(text.trim() === '' ? null : { html: html.trim(), text: text.trim() });
  }
  const kept = lines.filter((line, i) => line !== null || (i > 0 && lines[i - 1] !== null));
  while (kept.length > 0 && kept[0] === null) kept.shift();
  while (kept.length > 0 && kept[kept.length - 1] === null) kept.pop();
  return {
    html: `<div class="${SIGNATURE_MARKER_CLASS}" ${SIGNATURE_MARKER_ATTRIBUTE}="1">${kept.map((line) => line?.html ?? '').join('<br>')}</div>`,
    text: kept.map((line) => line?.text ?? '').join('\n'),
  };
}
