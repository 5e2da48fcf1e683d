/**
 * Seconds to wait from a `Retry-After` value, or `null` when there is none or it cannot be read.
 *
 * HTTP allows delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Graph sends whole seconds, but inner
 * `$batch` responses and proxies have been seen with fractional seconds, so those are accepted too. A
 * date in the past means "now" (0). `nowMs` is an argument: this module reads no clock.
 * Docs: https://learn.microsoft.com/graph/throttling#best-practices-to-handle-throttling
 */
export function parseRetryAfter(value: unknown, nowMs: number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.max(0, value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  // An HTTP-date, e.g. "Tue, 17 Nov 2026 09:10:00 GMT". Date.parse reads this (IMF-fixdate) format
  // without any reference to the machine's time zone because it names GMT.
  if (!/[a-z]/i.test(text)) return null;
  // HTTP dates are always GMT, but the obsolete asctime form ("Sun Nov  6 08:49:37 1994") does not say
  // so, and Date.parse would read it in the machine's zone.
  const at = Date.parse(/\b(GMT|UTC|Z)\b|[+-]\d{4}\b/.test(text) ? text : `${text} GMT`);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, (at - nowMs) / 1000);
}
