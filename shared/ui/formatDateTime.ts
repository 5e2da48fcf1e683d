const cache = new Map<string, Intl.DateTimeFormat>();

/** Formats an instant in the organisation's time zone (never the machine's), e.g. "tis 17 nov. 10:00". */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    cache.set(key, format);
  }
  return format.format(new Date(iso));
}
