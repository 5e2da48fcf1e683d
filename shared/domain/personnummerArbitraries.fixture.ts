import fc from 'fast-check';
import { daysInMonth } from './epochDays.ts';

// Test numbers for findPersonnummer (rules.md §6): every number is generated for a made-up date with a
// check digit computed here, so no real person's number appears in the source. The check digit is
// computed differently from the code under test (by trying each digit against the full Luhn sum), so a
// shared mistake cannot make both agree.

/** Whether ten digits pass the Luhn test: doubling every second digit from the left, the sum ends in 0. */
export function passesLuhn(ten: string): boolean {
  let sum = 0;
  [...ten].forEach((char, i) => {
    const doubled = Number(char) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(doubled / 10) + (doubled % 10);
  });
  return sum % 10 === 0;
}

/** The digit that completes nine digits `YYMMDDNNN` to a valid ten-digit number. */
export function checkDigitFor(nine: string): string {
  const digit = [...'0123456789'].find((d) => passesLuhn(nine + d));
  if (digit === undefined) throw new Error(`No check digit completes ${nine}; expected nine digits.`);
  return digit;
}

/**
 * Completes a number written without its last digit — `800101-123`, `19800101123`, `800161+123` — with
 * its check digit.
 */
export function withCheckDigit(withoutLast: string): string {
  const digits = withoutLast.replace(/[^0-9]/g, '');
  return withoutLast + checkDigitFor(digits.slice(-9));
}

/** The same number with a wrong last digit. */
export function withWrongCheckDigit(valid: string, shift = 1): string {
  const last = Number(valid.slice(-1));
  return valid.slice(0, -1) + String((last + shift) % 10);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export type PersonnummerForm =
  'YYMMDD-NNNN' | 'YYMMDD+NNNN' | 'YYMMDDNNNN' | 'YYYYMMDD-NNNN' | 'YYYYMMDDNNNN';

export interface GeneratedPersonnummer {
  written: string;
  kind: 'personnummer' | 'samordningsnummer';
  form: PersonnummerForm;
}

/** A real date 1890–2029 (leap days included) as year, month, day. */
export const dateArbitrary = fc
  .record({
    year: fc.integer({ min: 1890, max: 2029 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month));

/** A valid number in any accepted form, personnummer or samordningsnummer. */
export const validPersonnummerArbitrary: fc.Arbitrary<GeneratedPersonnummer> = fc
  .record({
    date: dateArbitrary,
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
    form: fc.constantFrom<PersonnummerForm>(
      'YYMMDD-NNNN',
      'YYMMDD+NNNN',
      'YYMMDDNNNN',
      'YYYYMMDD-NNNN',
      'YYYYMMDDNNNN',
    ),
  })
  .map(({ date, serial, coordination, form }) => {
    const day = date.day + (coordination ? 60 : 0);
    const short = `${pad(date.year % 100)}${pad(date.month)}${pad(day)}`;
    const long = `${pad(date.year, 4)}${pad(date.month)}${pad(day)}`;
    const birth = pad(serial, 3);
    const withoutLast = {
      'YYMMDD-NNNN': `${short}-${birth}`,
      'YYMMDD+NNNN': `${short}+${birth}`,
      YYMMDDNNNN: `${short}${birth}`,
      'YYYYMMDD-NNNN': `${long}-${birth}`,
      YYYYMMDDNNNN: `${long}${birth}`,
    }[form];
    return {
      written: withCheckDigit(withoutLast),
      kind: coordination ? 'samordningsnummer' : 'personnummer',
      form,
    };
  });

const digits = (min: number, max = min) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

/** Swedish phone numbers as people write them: with an area code or mobile prefix and separators. */
export const phoneNumberArbitrary: fc.Arbitrary<string> = fc.oneof(
  // Mobile: 070-123 45 67, 070-1234567, 070 123 45 67, +46 70 123 45 67, +46701234567, 0046 70-123 45 67
  fc
    .tuple(fc.constantFrom('70', '72', '73', '76', '79'), digits(3), digits(2), digits(2))
    .chain(([net, a, b, c]) =>
      fc.constantFrom(
        `0${net}-${a} ${b} ${c}`,
        `0${net}-${a}${b}${c}`,
        `0${net} ${a} ${b} ${c}`,
        `+46 ${net} ${a} ${b} ${c}`,
        `+46${net}${a}${b}${c}`,
        `0046 ${net}-${a} ${b} ${c}`,
        `(0${net}) ${a} ${b} ${c}`,
      ),
    ),
  // Stockholm: 08-123 456 78, 08-12 34 56, 08-1234 5678, 08-12345678, +46 8 123 456 78
  fc
    .tuple(digits(3), digits(3), digits(2))
    .chain(([a, b, c]) =>
      fc.constantFrom(`08-${a} ${b} ${c}`, `08-${a}${b}${c}`, `+46 8 ${a} ${b} ${c}`, `08 - ${a} ${b} ${c}`),
    ),
  // Other areas: 031-12 34 56, 0999-10 00 00, 0480-123 45, 013-12 34 567
  fc
    .tuple(fc.constantFrom('31', '40', '13', '90', '480', '999', '8'), digits(2), digits(2), digits(2, 3))
    .chain(([area, a, b, c]) =>
      fc.constantFrom(`0${area}-${a} ${b} ${c}`, `0${area}-${a}${b}${c}`, `0${area}/${a}${b}${c}`),
    ),
);

/** Dates and times as written in letters and systems: 2024-01-01, 20240101, 2024-01-01 12:30, 1/1 2024. */
export const dateTextArbitrary: fc.Arbitrary<string> = dateArbitrary.chain(({ year, month, day }) => {
  const y = pad(year, 4);
  const m = pad(month);
  const d = pad(day);
  return fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
    .chain(([h, min, s]) =>
      fc.constantFrom(
        `${y}-${m}-${d}`,
        `${y}${m}${d}`,
        `${y}-${m}-${d} ${pad(h)}:${pad(min)}`,
        `${y}-${m}-${d}T${pad(h)}:${pad(min)}:${pad(s)}+01:00`,
        `${y}${m}${d}T${pad(h)}${pad(min)}${pad(s)}`,
        `${y}${m}${d}-${pad(h)}${pad(min)}${pad(s)}`,
        `${day}/${month} ${y}`,
        `${d}.${m}.${y}`,
        `${y}-${m}-${d}--${y}-${m}-${d}`,
      ),
    );
});

/** Case, file and registration numbers: KS/2024:73, Dnr 2024-000123, SBN 2024.1234, BN-2024-00073. */
export const caseNumberArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 1990, max: 2030 }),
    fc.integer({ min: 1, max: 999_999 }),
    fc.constantFrom('KS', 'SBN', 'BN', 'SN', 'UN'),
  )
  .chain(([year, serial, board]) =>
    fc.constantFrom(
      `${board}/${year}:${serial}`,
      `Dnr ${year}-${pad(serial, 6)}`,
      `Dnr ${board} ${year}/${serial}`,
      `${board} ${year}.${pad(serial, 4)}`,
      `${board}-${year}-${pad(serial, 5)}`,
      `${board} ${year}-${pad(serial % 1000, 3)}-${pad(serial, 4)}`,
    ),
  );

/** Bank and payment references: IBAN, bankgiro, plusgiro, account and OCR numbers, amounts. */
export const paymentNumberArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(digits(2), digits(4), digits(4), digits(4), digits(4), digits(4))
    .map(([check, ...groups]) => `SE${check} ${groups.join(' ')}`),
  fc.tuple(digits(2), digits(20)).map(([check, rest]) => `SE${check}${rest}`),
  fc.tuple(digits(3, 4), digits(4)).map(([a, b]) => `Bankgiro ${a}-${b}`),
  fc.tuple(digits(2, 7), digits(1)).map(([a, b]) => `Plusgiro ${a}-${b}`),
  fc
    .tuple(digits(4), digits(1), digits(9, 10))
    .map(([clearing, extra, account]) => `${clearing}-${extra}, ${account.slice(0, 3)} ${account.slice(3)}`),
  digits(13, 25).map((ocr) => `OCR ${ocr}`),
  fc
    .tuple(fc.integer({ min: 0, max: 9_999_999 }), digits(2))
    .map(([kr, ore]) => `${kr.toLocaleString('sv-SE')},${ore} kr`),
  fc.tuple(fc.integer({ min: 1, max: 99 }), digits(6), digits(4)).map(([n, a, b]) => `Order ${n}-${a}-${b}`),
);

/** A number with a wrong check digit, derived from a valid one. */
export const wrongCheckDigitArbitrary: fc.Arbitrary<string> = fc
  .tuple(validPersonnummerArbitrary, fc.integer({ min: 1, max: 9 }))
  .map(([{ written }, shift]) => withWrongCheckDigit(written, shift));

/** An invalid date with a valid-looking check digit: month 00 or 13+, day 00 or past the month's end. */
export const invalidDateArbitrary: fc.Arbitrary<string> = fc
  .record({
    year: fc.integer({ min: 1890, max: 2029 }),
    month: fc.integer({ min: 0, max: 19 }),
    day: fc.integer({ min: 0, max: 99 }),
    serial: digits(3),
    long: fc.boolean(),
  })
  .filter(({ year, month, day }) => {
    const real = (d: number) =>
      month >= 1 && month <= 12 && d >= 1 && d <= daysInMonth(2000 + (year % 100), month);
    const realLong = (d: number) => month >= 1 && month <= 12 && d >= 1 && d <= daysInMonth(year, month);
    return !real(day) && !real(day - 60) && !realLong(day) && !realLong(day - 60);
  })
  .map(({ year, month, day, serial, long }) =>
    withCheckDigit(`${long ? pad(year, 4) : pad(year % 100)}${pad(month)}${pad(day)}-${serial}`),
  );

/** A valid number inside a longer number: more digits around it, or joined by a hyphen, slash or dot. */
export const embeddedInLongerNumberArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    validPersonnummerArbitrary.filter(({ form }) => !form.includes('+')),
    digits(0, 4),
    digits(0, 4),
    fc.constantFrom('', '-', '/', '.', ':', '\u2013'),
    fc.constantFrom('', '-', '/', '.', ':', '+'),
  )
  .filter(([, before, after]) => before.length + after.length > 0)
  // Two digits put before a ten-digit number make a twelve-digit one (`19` + `8001011234`): that is a
  // personnummer again, not a longer number.
  .filter(
    ([{ form }, before, , joinBefore]) =>
      !(joinBefore === '' && before.length === 2 && form.startsWith('YYMMDD')),
  )
  .map(
    ([{ written }, before, after, joinBefore, joinAfter]) =>
      `${before}${before === '' ? '' : joinBefore}${written}${after === '' ? '' : joinAfter}${after}`,
  );

/** Any of the above: text that holds digits but no personnummer. */
export const nonPersonnummerArbitrary: fc.Arbitrary<string> = fc.oneof(
  phoneNumberArbitrary,
  dateTextArbitrary,
  caseNumberArbitrary,
  paymentNumberArbitrary,
  wrongCheckDigitArbitrary,
  invalidDateArbitrary,
  embeddedInLongerNumberArbitrary,
);

/** Text without digits to put around a number: letters, punctuation, spaces, line breaks, Swedish letters. */
export const nonDigitTextArbitrary: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...'abcXYZåäöÅÄÖ é:;,.-+/()[]\n\t\u00a0\u2013_#*"\''),
  maxLength: 20,
});
