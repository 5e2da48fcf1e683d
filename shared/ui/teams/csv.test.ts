import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark so Excel reads Swedish characters', () => {
    const csv = toCsv([['Äldreomsorg', 'Öberg, Hanna']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv).toContain('"Äldreomsorg";"Öberg, Hanna"');
  });

  it('separates fields with semicolons and ends every line with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('\uFEFF"a";"b"\r\n"c";"d"\r\n');
  });

  it('quotes every field and doubles quotes inside', () => {
    expect(toCsv([['Säg "hej"; sedan', 'rad 1\nrad 2']])).toBe('\uFEFF"Säg ""hej""; sedan";"rad 1\nrad 2"\r\n');
  });

  it('writes numbers as they are and empty values as empty fields', () => {
    expect(toCsv([[12, null, undefined, 0]])).toBe('\uFEFF"12";"";"";"0"\r\n');
  });

  it('defuses text that Excel would run as a formula', () => {
    expect(toCsv([['=SUM(A1)', '@x', '+46', 'ok']])).toBe(`\uFEFF"'=SUM(A1)";"'@x";"'+46";"ok"\r\n`);
  });

  it('can use another separator', () => {
    expect(toCsv([['a', 'b']], ',')).toBe('\uFEFF"a","b"\r\n');
  });
});
