/** How a message came to count as handled (rules.md §3); `null` when it is still unhandled. */
export type HandledReason = 'replied' | 'forwarded' | 'flagComplete' | 'category' | 'removed';

export interface HandledEvidence {
  flagStatus?: 'notFlagged' | 'flagged' | 'complete' | null;
  categories?: readonly string[] | null;
  /** PidTagLastVerbExecuted (0x1081): 102 reply, 103 reply all, 104 forward. */
  lastVerbExecuted?: number | null;
  removedFromInbox?: boolean;
}

/** Having been read is not handling: `isRead` is deliberately not part of the evidence. */
export function handledReason(evidence: HandledEvidence, handledCategories: readonly string[]): HandledReason | null {
  if (evidence.removedFromInbox) return 'removed';
  if (evidence.lastVerbExecuted === 102 || evidence.lastVerbExecuted === 103) return 'replied';
  if (evidence.lastVerbExecuted === 104) return 'forwarded';
  if (evidence.flagStatus === 'complete') return 'flagComplete';
  const wanted = new Set(handledCategories.map((c) => c.toLocaleLowerCase('sv')));
  if (evidence.categories?.some((c) => wanted.has(c.toLocaleLowerCase('sv')))) return 'category';
  return null;
}
