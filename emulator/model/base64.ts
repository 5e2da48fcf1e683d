/**
 * Base64 without Node's `Buffer`, so the handlers also run in a browser (msw's service worker).
 */

export function bytesToBase64(bytes: readonly number[] | Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** URL-safe base64 (`-` and `_`), keeping `=` padding as Exchange REST ids do. */
export function bytesToBase64Url(bytes: readonly number[] | Uint8Array, padding = true): string {
  const text = bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_');
  return padding ? text : text.replace(/=+$/, '');
}

export function utf8ToBase64Url(text: string): string {
  return bytesToBase64Url(new TextEncoder().encode(text), false);
}

/** Decodes URL-safe (or plain) base64 to text; `null` when it is not base64 or not UTF-8. */
export function base64UrlToUtf8(text: string): string | null {
  if (!/^[A-Za-z0-9_\-+/]*={0,2}$/.test(text)) return null;
  const plain = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(plain.padEnd(Math.ceil(plain.length / 4) * 4, '='));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
