import { bytesToBase64 } from './base64.ts';
import { randomFromName } from './ids.ts';
import type { ListItemState, MessageState } from './types.ts';

/** The `changeKey` of a message version (Exchange's are base64 blobs starting `CQAAAB…`). */
export function changeKeyOf(message: Pick<MessageState, 'id' | 'version'>): string {
  const random = randomFromName(`changekey:${message.id}:${message.version}`);
  const bytes = [
    0x09,
    0x00,
    0x00,
    0x00,
    0x16,
    ...Array.from({ length: 19 }, () => Math.floor(random() * 256)),
  ];
  return bytesToBase64(bytes);
}

/** The eTag of a list item version, quoted as SharePoint sends it: `"{uniqueId},{version}"`. */
export function listItemETag(item: Pick<ListItemState, 'uniqueId' | 'version'>): string {
  return `"${item.uniqueId},${item.version}"`;
}

/** Compares an `If-Match` value with an eTag, ignoring `W/` and surrounding quotes; `*` matches any. */
export function ifMatchSatisfied(ifMatch: string | null, etag: string): boolean {
  if (ifMatch === null) return true;
  const normalise = (value: string) =>
    value
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1');
  // SharePoint eTags contain a comma (`"{guid},3"`), so the header is not split into a list.
  return ifMatch.trim() === '*' || normalise(ifMatch) === normalise(etag);
}
