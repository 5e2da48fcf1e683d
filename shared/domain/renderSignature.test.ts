import { describe, expect, it } from 'vitest';
import { renderSignature } from './renderSignature.ts';
import type { SignatureFields } from './SignatureFields.ts';

// `organisation.signatureTemplate` of the demo municipality's config.json.
const demoTemplate =
  'Med vänlig hälsning\n\n{displayName}\n{jobTitle}\n{department}\n{organisationName}\n\nTelefon: {phone}\nVäxel: {switchboard}\nE-post: {mail}\nBesöksadress: {visitingAddress}\nPostadress: {postalAddress}\n{website}';

const open = '<div class="brevladevakten-signature" data-brevladevakten-signature="1">';
const html = (template: string, person: SignatureFields) => renderSignature(template, person).html;
const text = (template: string, person: SignatureFields) => renderSignature(template, person).text;

describe('renderSignature', () => {
  it('fills the demo template from a person and the organisation', () => {
    const person: SignatureFields = {
      displayName: 'Anna Lind',
      jobTitle: 'Bygglovshandläggare',
      department: 'Samhällsbyggnadsförvaltningen',
      organisationName: 'Sjöby kommun',
      phone: '0999-10 12 34',
      switchboard: '0999-10 00 00',
      mail: 'anna.lind@sjoby.example',
      visitingAddress: 'Stora torget 1, Sjöby',
      postalAddress: 'Box 100, 999 01 Sjöby',
      website: 'https://www.sjoby.example',
    };
    expect(renderSignature(demoTemplate, person)).toEqual({
      text: [
        'Med vänlig hälsning',
        '',
        'Anna Lind',
        'Bygglovshandläggare',
        'Samhällsbyggnadsförvaltningen',
        'Sjöby kommun',
        '',
        'Telefon: 0999-10 12 34',
        'Växel: 0999-10 00 00',
        'E-post: anna.lind@sjoby.example',
        'Besöksadress: Stora torget 1, Sjöby',
        'Postadress: Box 100, 999 01 Sjöby',
        'https://www.sjoby.example',
      ].join('\n'),
      html:
        open +
        [
          'Med vänlig hälsning',
          '',
          'Anna Lind',
          'Bygglovshandläggare',
          'Samhällsbyggnadsförvaltningen',
          'Sjöby kommun',
          '',
          'Telefon: 0999-10 12 34',
          'Växel: 0999-10 00 00',
          'E-post: <a href="mailto:anna.lind@sjoby.example">anna.lind@sjoby.example</a>',
          'Besöksadress: Stora torget 1, Sjöby',
          'Postadress: Box 100, 999 01 Sjöby',
          '<a href="https://www.sjoby.example">https://www.sjoby.example</a>',
        ].join('<br>') +
        '</div>',
    });
  });

  it('renders a function mailbox with no job title or phone without empty lines', () => {
    const template =
      'Med vänlig hälsning\n\n{displayName}\n{jobTitle}\n{organisationName}\n\nTelefon: {phone}\nE-post: {mail}';
    expect(
      text(template, {
        displayName: 'Bygglov',
        organisationName: 'Sjöby kommun',
        mail: 'bygglov@sjoby.example',
      }),
    ).toBe('Med vänlig hälsning\n\nBygglov\nSjöby kommun\n\nE-post: bygglov@sjoby.example');
  });

  it('escapes a display name that looks like HTML, so it shows as text', () => {
    expect(html('{displayName}', { displayName: '<img src=x onerror=alert(1)>' })).toBe(
      `${open}&lt;img src=x onerror=alert(1)&gt;</div>`,
    );
  });

  it('escapes ampersands, quotes and apostrophes in values and in the template text', () => {
    expect(html('Avd. & {department}', { department: `"Bygg" & 'Miljö'` })).toBe(
      `${open}Avd. &amp; &quot;Bygg&quot; &amp; &#39;Miljö&#39;</div>`,
    );
  });

  it('keeps values unescaped in the plain text', () => {
    expect(text('{displayName}', { displayName: 'Ågren & <Son>' })).toBe('Ågren & <Son>');
  });

  it('escapes a website used as a link, in the attribute and in the text', () => {
    expect(html('{website}', { website: 'https://sjoby.example/?a=1&b="2"' })).toBe(
      `${open}https://sjoby.example/?a=1&amp;b=&quot;2&quot;</div>`,
    );
    expect(html('{website}', { website: 'https://sjoby.example/?a=1&b=2' })).toBe(
      `${open}<a href="https://sjoby.example/?a=1&amp;b=2">https://sjoby.example/?a=1&amp;b=2</a></div>`,
    );
  });

  it.each([
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['JavaScript:alert(document.cookie)', 'JavaScript:alert(document.cookie)'],
    ['data:text/html,<script>alert(1)</script>', 'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['https://x.example" onmouseover="alert(1)', 'https://x.example&quot; onmouseover=&quot;alert(1)'],
    ['ftp://files.example', 'ftp://files.example'],
  ])('shows the unsafe website %s as escaped text, not a link', (website, shown) => {
    expect(html('{website}', { website })).toBe(`${open}${shown}</div>`);
  });

  it('links a website written as a bare host name over https', () => {
    expect(html('{website}', { website: 'www.sjoby.example' })).toBe(
      `${open}<a href="https://www.sjoby.example">www.sjoby.example</a></div>`,
    );
  });

  it.each([
    ['javascript:alert(1)//@x.example'],
    ['anna@sjoby.example?subject=hej'],
    ['"Anna" <anna@sjoby.example>'],
    ['inte en adress'],
  ])('shows the mail value %s as escaped text, not a mailto link', (mail) => {
    expect(html('{mail}', { mail })).not.toContain('<a ');
  });

  it('links a mail address with Swedish letters', () => {
    expect(html('{mail}', { mail: 'åsa.öberg@sjöby.example' })).toBe(
      `${open}<a href="mailto:åsa.öberg@sjöby.example">åsa.öberg@sjöby.example</a></div>`,
    );
  });

  it('drops a line whose placeholders are all empty, missing, null or blank', () => {
    const template = 'A\n{phone}\nTelefon: {phone}\n{phone} / {switchboard}\n{jobTitle}\nB';
    expect(text(template, { phone: '  ', switchboard: null, jobTitle: undefined })).toBe('A\nB');
  });

  it('keeps a line when some of its placeholders are filled, trimmed', () => {
    expect(
      text('{jobTitle} {department}\nTelefon: {phone}, växel {switchboard}', {
        department: 'Ekonomi',
        switchboard: '08-1',
      }),
    ).toBe('Ekonomi\nTelefon: , växel 08-1');
  });

  it('keeps deliberate blank lines, collapses runs of them and trims them at both ends', () => {
    const template = '\n\nHälsningar\n\n\n\n{displayName}\n\n{phone}\n\n{mail}\n\n';
    expect(text(template, { displayName: 'Anna' })).toBe('Hälsningar\n\nAnna');
    expect(html(template, { displayName: 'Anna' })).toBe(`${open}Hälsningar<br><br>Anna</div>`);
  });

  it('counts a line of spaces in the template as blank', () => {
    expect(text('A\n   \nB', {})).toBe('A\n\nB');
  });

  it('reads Windows line breaks in the template', () => {
    expect(text('A\r\n{displayName}\r\nB', { displayName: 'Anna' })).toBe('A\nAnna\nB');
  });

  it('writes a value with line breaks on one line', () => {
    expect(text('{postalAddress}', { postalAddress: 'Box 100\n999 01 Sjöby' })).toBe('Box 100, 999 01 Sjöby');
  });

  it('treats an unknown placeholder as empty', () => {
    expect(text('A\nFax: {fax}\n{displayName} {title}', { displayName: 'Anna' })).toBe('A\nAnna');
  });

  it('accepts spaces inside the braces of a placeholder', () => {
    expect(text('{ displayName }', { displayName: 'Anna' })).toBe('Anna');
  });

  it('renders an empty signature when nothing is filled', () => {
    expect(renderSignature('{displayName}\n\n{phone}', {})).toEqual({ html: `${open}</div>`, text: '' });
  });
});
