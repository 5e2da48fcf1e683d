import { isSignatureField } from './SignatureFields.ts';
import type { SignatureField } from './SignatureFields.ts';

/** A piece of a template line: literal text, or a placeholder `{name}` (`field` null when unknown). */
export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'placeholder'; name: string; field: SignatureField | null };

// A placeholder is anything in braces on one line; spaces inside are allowed (`{ phone }`). Whether
// the name is known is decided afterwards, so a misspelt one can be reported by name.
const PLACEHOLDER = /\{([^{}\r\n]*)\}/g;

/** The template split into lines (`\n` or `\r\n`) and each line into text and placeholders. */
export function signatureTemplateLines(template: string): TemplatePart[][] {
  return template.split(/\r?\n/).map((line) => {
    const parts: TemplatePart[] = [];
    let from = 0;
    for (const match of line.matchAll(PLACEHOLDER)) {
      if (match.index > from) parts.push({ kind: 'text', text: line.slice(from, match.index) });
      const name = (match[1] ?? '').trim();
      parts.push({ kind: 'placeholder', name, field: isSignatureField(name) ? name : null });
      from = match.index + match[0].length;
    }
    if (from < line.length) parts.push({ kind: 'text', text: line.slice(from) });
    return parts;
  });
}
