import type { MailFolder } from '@microsoft/microsoft-graph-types';
import type { MailFolderState, UserState } from './types.ts';

export const mailFolderProperties = [
  'id',
  'displayName',
  'parentFolderId',
  'childFolderCount',
  'unreadItemCount',
  'totalItemCount',
  'isHidden',
] as const satisfies ReadonlyArray<keyof MailFolder>;

export function mailFolderView(
  user: UserState,
  folder: MailFolderState,
  select: readonly string[] | null,
): Record<string, unknown> {
  let total = 0;
  let unread = 0;
  for (const message of user.mailbox.messages.values()) {
    if (message.folderId !== folder.id) continue;
    total += 1;
    if (!message.isRead) unread += 1;
  }
  let children = 0;
  for (const other of user.mailbox.folders.values()) if (other.parentFolderId === folder.id) children += 1;
  const all: Record<string, unknown> = {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
    childFolderCount: children,
    unreadItemCount: unread,
    totalItemCount: total,
    isHidden: folder.isHidden,
  };
  if (!select) return all;
  const view: Record<string, unknown> = { id: folder.id };
  for (const property of select) view[property] = all[property];
  return view;
}
