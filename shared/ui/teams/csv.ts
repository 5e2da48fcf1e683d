/** A CSV cell: text, a number, or empty. */
export type CsvValue = string | number | null | undefined;

/**
 * CSV as Swedish Excel opens it: UTF-8 with a byte-order mark (without it Excel reads the file as
 * Windows-1252 and "Äldreomsorg" becomes "Ã„ldreomsorg"), `;` between fields (the list separator of
 * Swedish Windows, where `,` is the decimal comma), every field quoted, quotes doubled, CRLF line ends.
 * Fields that Excel would run as a formula (starting with = + - @) get a leading apostrophe.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>, separator = ';'): string {
  const field = (value: CsvValue) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return `"${text.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(separator)).join('\r\n')}\r\n`;
}
