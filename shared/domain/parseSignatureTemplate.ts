import type { ParseResult, ValidationIssue } from './ParseResult.ts';
import { SIGNATURE_FIELDS } from './SignatureFields.ts';
import type { SignatureField } from './SignatureFields.ts';
import { signatureTemplateLines } from './signatureTemplateLines.ts';

const KNOWN = SIGNATURE_FIELDS.map((field) => `{${field}}`).join(', ');

/**
 * Checks the organisation's signature template (`organisation.signatureTemplate`) before it is used:
 * every `{placeholder}` must be one of SIGNATURE_FIELDS, and a `{` must be closed on its line. On
 * success, the value is the template with the fields it uses, in order of first use. `renderSignature`
 * renders an unknown placeholder as empty, so a misspelling silently drops a line: this is how the
 * configuration check at start-up reports it instead, e.g. ``expected `{phone} (placeholder names are
 * case-sensitive)`, got `"{Phone}" on line 8` ``.
 */
export function parseSignatureTemplate(
  template: string,
): ParseResult<{ template: string; fields: SignatureField[] }> {
  if (typeof template !== 'string') {
    return {
      ok: false,
      errors: [{ path: '', expected: 'the signature template as text', found: typeof template }],
    };
  }
  const errors: ValidationIssue[] = [];
  const fields = new Set<SignatureField>();
  signatureTemplateLines(template).forEach((parts, i) => {
    const line = i + 1;
    for (const part of parts) {
      if (part.kind === 'placeholder') {
        if (part.field !== null) {
          fields.add(part.field);
          continue;
        }
        const sameButCase = SIGNATURE_FIELDS.find((field) => field.toLowerCase() === part.name.toLowerCase());
        errors.push({
          path: '',
          expected: sameButCase
            ? `{${sameButCase}} (placeholder names are case-sensitive)`
            : `one of the placeholders ${KNOWN}`,
          found: `${JSON.stringify(`{${part.name}}`)} on line ${line}`,
        });
      } else {
        const unclosed = /\{\s*[A-Za-z]\w*/.exec(part.text);
        if (unclosed) {
          errors.push({
            path: '',
            expected: `a placeholder closed with "}", such as {phone}`,
            found: `${JSON.stringify(unclosed[0])} on line ${line}`,
          });
        }
      }
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { template, fields: [...fields] } };
}
