import { describe, expect, it } from 'vitest';
import { maskPersonnummer } from './maskPersonnummer.ts';
import { withCheckDigit, withWrongCheckDigit } from './personnummerArbitraries.fixture.ts';

describe('maskPersonnummer', () => {
  it('replaces the last four digits of every number and keeps the date', () => {
    const a = withCheckDigit('800101-998');
    const b = withCheckDigit('19900615981');
    expect(maskPersonnummer(`Elev ${a} och vårdnadshavare ${b}.`)).toBe(
      'Elev 800101-**** och vårdnadshavare 19900615****.',
    );
  });

  it('leaves text without a valid number unchanged', () => {
    const text = `Ring 070-123 45 67 om ärende KS/2024:73 eller ${withWrongCheckDigit(withCheckDigit('800101-998'))}.`;
    expect(maskPersonnummer(text)).toBe(text);
  });

  it('masks a number at the very start and the very end', () => {
    const a = withCheckDigit('800161+998');
    expect(maskPersonnummer(`${a} ${a}`)).toBe('800161+**** 800161+****');
  });
});
