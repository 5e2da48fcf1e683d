import { describe, expect, it } from 'vitest';
import { formatIssue } from './formatIssue.ts';
import { parseSignatureTemplate } from './parseSignatureTemplate.ts';

// `organisation.signatureTemplate` of the demo municipality's config.json.
const demoTemplate =
  'Med vänlig hälsning\n\n{displayName}\n{jobTitle}\n{department}\n{organisationName}\n\nTelefon: {phone}\nVäxel: {switchboard}\nE-post: {mail}\nBesöksadress: {visitingAddress}\nPostadress: {postalAddress}\n{website}';

describe('parseSignatureTemplate', () => {
  it('accepts the demo template and lists the fields it uses', () => {
    expect(parseSignatureTemplate(demoTemplate)).toEqual({
      ok: true,
      value: {
        template: demoTemplate,
        fields: [
          'displayName',
          'jobTitle',
          'department',
          'organisationName',
          'phone',
          'switchboard',
          'mail',
          'visitingAddress',
          'postalAddress',
          'website',
        ],
      },
    });
  });

  it('lists each field once, in order of first use', () => {
    expect(parseSignatureTemplate('{mail}\n{displayName} <{mail}>')).toMatchObject({
      ok: true,
      value: { fields: ['mail', 'displayName'] },
    });
  });

  it('names an unknown placeholder and its line, and lists the known ones', () => {
    const result = parseSignatureTemplate('Hälsningar\n{displayName}\nFax: {fax}');
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          expected:
            'one of the placeholders {displayName}, {jobTitle}, {department}, {organisationName}, {phone}, {switchboard}, {mail}, {visitingAddress}, {postalAddress}, {website}',
          found: '"{fax}" on line 3',
        },
      ],
    });
  });

  it('suggests the right spelling when only the case is wrong', () => {
    const result = parseSignatureTemplate('Telefon: {Phone}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(formatIssue(result.errors[0]!, 'organisation.signatureTemplate')).toBe(
        'at `organisation.signatureTemplate`: expected `{phone} (placeholder names are case-sensitive)`, got `"{Phone}" on line 1`',
      );
    }
  });

  it('reports every problem, not just the first', () => {
    const result = parseSignatureTemplate('{fax}\n{}\nTelefon: {phone');
    expect(result.ok ? [] : result.errors.map((issue) => issue.found)).toEqual([
      '"{fax}" on line 1',
      '"{}" on line 2',
      '"{phone" on line 3',
    ]);
  });

  it('reports a placeholder that is never closed', () => {
    expect(parseSignatureTemplate('Telefon: {phone')).toEqual({
      ok: false,
      errors: [
        { path: '', expected: 'a placeholder closed with "}", such as {phone}', found: '"{phone" on line 1' },
      ],
    });
  });

  it('accepts a template without placeholders, and an empty one', () => {
    expect(parseSignatureTemplate('Med vänlig hälsning')).toMatchObject({ ok: true, value: { fields: [] } });
    expect(parseSignatureTemplate('')).toMatchObject({ ok: true, value: { fields: [] } });
  });
});
