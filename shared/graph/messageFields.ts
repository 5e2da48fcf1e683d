/**
 * The message properties the product reads: metadata only. Never body, bodyPreview or uniqueBody —
 * the product does not read message content (graph.md, "Permissions"). A test checks this list.
 */
export const messageSelect = [
  'subject',
  'from',
  'receivedDateTime',
  'isRead',
  'flag',
  'categories',
  'conversationId',
  'webLink',
] as const;

export const forbiddenMessageFields = ['body', 'bodyPreview', 'uniqueBody'] as const;
