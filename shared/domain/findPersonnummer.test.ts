import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonnummer } from './findPersonnummer.ts';
import {
  caseNumberArbitrary,
  dateTextArbitrary,
  embeddedInLongerNumberArbitrary,
  invalidDateArbitrary,
  nonDigitTextArbitrary,
  nonPersonnummerArbitrary,
  paymentNumberArbitrary,
  phoneNumberArbitrary,
  validPersonnummerArbitrary,
  withCheckDigit,
  withWrongCheckDigit,
} from './personnummerArbitraries.fixture.ts';

// Every number below is completed with a computed check digit for a made-up date (rules.md §6).
const short = withCheckDigit('800101-998'); // 1 January 1980
const long = withCheckDigit('19800101-998');

describe('findPersonnummer', () => {
  it.each([
    ['YYMMDD-NNNN', short],
    ['YYMMDDNNNN', short.replace('-', '')],
    ['YYYYMMDD-NNNN', long],
    ['YYYYMMDDNNNN', long.replace('-', '')],
    ['YYMMDD+NNNN (100 years or older)', short.replace('-', '+')],
  ])('finds a personnummer written %s', (_form, written) => {
    const text = `Gäller ${written} enligt ansökan.`;
    expect(findPersonnummer(text)).toEqual([
      { index: 7, length: written.length, kind: 'personnummer', masked: `${written.slice(0, -4)}****` },
    ]);
  });

  it('finds a samordningsnummer, whose day has 60 added', () => {
    const number = withCheckDigit('800161-998');
    expect(findPersonnummer(number)).toEqual([
      { index: 0, length: 11, kind: 'samordningsnummer', masked: '800161-****' },
    ]);
    expect(findPersonnummer(withCheckDigit('19800191-998'))).toMatchObject([{ kind: 'samordningsnummer' }]);
  });

  it('finds 29 February in a leap year, and in a ten-digit number whose century could be a leap year', () => {
    expect(findPersonnummer(withCheckDigit('19840229-998'))).toHaveLength(1);
    expect(findPersonnummer(withCheckDigit('20000229-998'))).toHaveLength(1);
    // 000229: not a date in 1900, but in 2000.
    expect(findPersonnummer(withCheckDigit('000229-998'))).toHaveLength(1);
    expect(findPersonnummer(withCheckDigit('000289-998'))).toMatchObject([{ kind: 'samordningsnummer' }]);
  });

  it.each([
    ['30 February', '19800230-998'],
    ['29 February in a common year', '19810229-998'],
    ['29 February 1900, not a leap year', '19000229-998'],
    ['29 February in a ten-digit common year', '810229-998'],
    ['month 13', '801301-998'],
    ['month 00', '800001-998'],
    ['day 00', '800100-998'],
    ['31 April', '800431-998'],
    ['day 32', '800132-998'],
    ['a samordningsnummer day past the month (31 April + 60)', '800491-998'],
    ['day 60 (a samordningsnummer for day 0)', '800160-998'],
    ['a twelve-digit year before 1800', '17800101-998'],
    ['a twelve-digit year after 2099', '21000101-998'],
  ])('ignores a number whose date is not real: %s', (_reason, withoutLast) => {
    expect(findPersonnummer(withCheckDigit(withoutLast))).toEqual([]);
  });

  it('ignores a number whose last digit is not its check digit', () => {
    for (let shift = 1; shift <= 9; shift++) {
      expect(findPersonnummer(withWrongCheckDigit(short, shift))).toEqual([]);
      expect(findPersonnummer(withWrongCheckDigit(long, shift))).toEqual([]);
    }
  });

  it('checks the twelve-digit form by the Luhn digit of its last ten digits', () => {
    // The century digits are not part of the check: 19800101-998X and 800101-998X share X.
    expect(long.slice(-1)).toBe(short.slice(-1));
  });

  it('does not accept the plus sign in a twelve-digit number, which names its century', () => {
    expect(findPersonnummer(long.replace('-', '+'))).toEqual([]);
  });

  it('does not accept a space between date and number, which is how phone numbers are grouped', () => {
    expect(findPersonnummer(short.replace('-', ' '))).toEqual([]);
  });

  it('accepts the dashes word processors put in place of a typed hyphen', () => {
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2212'])
      expect(findPersonnummer(short.replace('-', dash))).toHaveLength(1);
  });

  it.each([
    ['digits before it', `123${long.replace('-', '')}`],
    ['digits after it', `${long}5`],
    ['a hyphen and digits after it', `${short}-5`],
    ['a hyphen and digits before it', `08-${short}`],
    ['a slash and digits before it', `2024/${short}`],
    ['a dot and digits before it', `1.${short.replace('-', '')}`],
    ['a colon and digits after it', `${short}:12`],
    ['a plus and digits after it', `${short}+1`],
  ])('ignores a valid number that is part of a longer number: %s', (_reason, text) => {
    expect(findPersonnummer(`Nummer ${text} här`)).toEqual([]);
  });

  it('does not let the digits of a longer number start a match further on', () => {
    expect(findPersonnummer(`123${long.replace('-', '')}`)).toEqual([]);
    expect(findPersonnummer(`19800101-12345`)).toEqual([]);
  });

  it('finds numbers with letters or punctuation right next to them', () => {
    const digits = short.replace('-', '');
    expect(findPersonnummer(`pnr${digits}`)).toHaveLength(1);
    expect(findPersonnummer(`scan_${digits}.pdf`)).toHaveLength(1);
    expect(findPersonnummer(`(${short})`)).toHaveLength(1);
    expect(findPersonnummer(`${short}.`)).toHaveLength(1);
  });

  it('finds every number of a comma-separated list', () => {
    const other = withCheckDigit('19900615-981').replace('-', '');
    const text = `${short.replace('-', '')},${other},${short}`;
    expect(findPersonnummer(text).map((m) => m.index)).toEqual([0, 11, 24]);
  });

  it('never returns the full number', () => {
    const [match] = findPersonnummer(`Ang. ${long}`);
    expect(JSON.stringify(match)).not.toContain(long.slice(-4));
  });

  it.each([
    ['a mobile number', 'Ring mig på 070-123 45 67 eller 0701-23 45 67.'],
    ['a Stockholm number', 'Växel 08-123 456 78, direkt 08-12345678.'],
    ['a switchboard number', 'Växel: 0999-10 00 00'],
    ['a date', 'Beslut 2024-01-01, inkom 20240101.'],
    ['a case number', 'Ärende KS/2024:73, Dnr 2024-000123, dnr BN 2019/1234.'],
    ['a bankgiro and an IBAN', 'Bankgiro 5050-1055, IBAN SE45 5000 0000 0583 9825 7466.'],
    ['an amount', 'Summa 1 980 010,12 kr'],
  ])('ignores %s', (_what, text) => {
    expect(findPersonnummer(text)).toEqual([]);
  });
});

describe('findPersonnummer on generated text', () => {
  it('finds nothing in 10,000 phone numbers, dates, case numbers, payment references, invalid and embedded numbers', () => {
    fc.assert(
      fc.property(
        nonPersonnummerArbitrary,
        nonDigitTextArbitrary,
        nonDigitTextArbitrary,
        (number, before, after) => {
          expect(findPersonnummer(`${before}${number}${after}`)).toEqual([]);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it.each([
    ['phone numbers', phoneNumberArbitrary],
    ['dates and times', dateTextArbitrary],
    ['case numbers', caseNumberArbitrary],
    ['payment references', paymentNumberArbitrary],
    ['numbers with an impossible date', invalidDateArbitrary],
    ['valid numbers inside longer numbers', embeddedInLongerNumberArbitrary],
  ])('finds nothing in 1,000 %s', (_what, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        expect(findPersonnummer(text)).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  it('finds exactly one match, at the right place, for a valid number in text without digits', () => {
    fc.assert(
      fc.property(
        validPersonnummerArbitrary,
        nonDigitTextArbitrary,
        nonDigitTextArbitrary,
        (number, before, after) => {
          expect(findPersonnummer(`${before}${number.written}${after}`)).toEqual([
            {
              index: before.length,
              length: number.written.length,
              kind: number.kind,
              masked: `${number.written.slice(0, -4)}****`,
            },
          ]);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('finds every valid number of a text in order', () => {
    // A lone hyphen, plus, slash, dot or colon between two numbers would join them into one longer number.
    const gap = nonDigitTextArbitrary.filter(
      (s) => s.length > 1 || (s.length === 1 && !'-\u2013+/.:'.includes(s)),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(validPersonnummerArbitrary, gap), { maxLength: 8 }), (parts) => {
        let text = '';
        const expected: number[] = [];
        for (const [number, gap] of parts) {
          expected.push(text.length);
          text += number.written + gap;
        }
        expect(findPersonnummer(text).map((m) => m.index)).toEqual(expected);
      }),
    );
  });
});
