// The marker in a tag: the data attribute, or the class when a client dropped the attribute. Outlook
// prefixes the classes of a quoted message with `x_` (`x_brevladevakten-signature`): that is the
// sender's signature in the quoted text, not one in the message being written, so it does not count.
const MARKER_ATTRIBUTE = /<[a-z][^>]*\sdata-brevladevakten-signature(?![\w-])/i;
const MARKER_CLASS =
  /<[a-z][^>]*\sclass\s*=\s*(?:"[^"<>]*|'[^'<>]*|)(?<![\w-])brevladevakten-signature(?![\w-])/i;

/**
 * Whether an HTML body already holds a standard signature rendered by renderSignature, so the add-in
 * does not insert a second one. Escaped text that merely mentions the marker does not count.
 */
export function containsStandardSignature(html: string): boolean {
  return MARKER_ATTRIBUTE.test(html) || MARKER_CLASS.test(html);
}
