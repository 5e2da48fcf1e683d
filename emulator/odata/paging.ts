import { base64UrlToUtf8, utf8ToBase64Url } from '../model/base64.ts';

/**
 * Absolute next-page links in the form Graph writes them: the request URL with its query options
 * kept and the paging option replaced (`%24skip=10`, or `%24skiptoken=…` for SharePoint and users).
 */
export function nextLinkFor(
  url: URL,
  serviceRoot: string,
  set: Record<string, string>,
  remove: readonly string[] = [],
): string {
  const dropped = new Set(
    [...Object.keys(set), ...remove].map((name) => name.replace(/^\$/, '').toLowerCase()),
  );
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of url.searchParams) {
    if (!dropped.has(name.replace(/^\$/, '').toLowerCase())) pairs.push([name, value]);
  }
  for (const [name, value] of Object.entries(set)) pairs.push([name, value]);
  const query = pairs
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  const root = new URL(serviceRoot);
  return `${root.origin}${url.pathname}${query === '' ? '' : `?${query}`}`;
}

/** An opaque `$skiptoken` holding the offset of the next page. */
export function encodeSkipToken(offset: number): string {
  return utf8ToBase64Url(`Paged=TRUE&p_ID=${offset}`);
}

export function decodeSkipToken(token: string | undefined): number | null {
  if (token === undefined) return 0;
  const match = /^Paged=TRUE&p_ID=(\d+)$/.exec(base64UrlToUtf8(token) ?? '');
  return match?.[1] ? Number(match[1]) : null;
}

/** `'…'` with quotes doubled, for `@odata.context` keys. */
export function odataKey(value: string): string {
  return `'${encodeURIComponent(value).replace(/'/g, "''")}'`;
}
