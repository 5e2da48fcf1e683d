import type { ListItem } from '@microsoft/microsoft-graph-types';
import { listItemETag } from './etags.ts';
import type { ListItemState, ListState, SiteState } from './types.ts';

/** listItem properties a client may `$select`. */
export const listItemProperties = [
  'id',
  'eTag',
  'createdDateTime',
  'lastModifiedDateTime',
  'webUrl',
  'createdBy',
  'lastModifiedBy',
  'parentReference',
  'contentType',
  'sharepointIds',
] as const satisfies ReadonlyArray<keyof ListItem>;

/** Columns SharePoint adds to every item; they are read-only. */
export const systemFieldNames = [
  'id',
  'ContentType',
  'Modified',
  'Created',
  'AuthorLookupId',
  'EditorLookupId',
  '_UIVersionString',
  'Attachments',
  'Edit',
  'LinkTitleNoMenu',
  'LinkTitle',
  'ItemChildCount',
  'FolderChildCount',
  '_ComplianceFlags',
  '_ComplianceTag',
  '_ComplianceTagWrittenTime',
  '_ComplianceTagUserId',
] as const;

function lookupId(identityId: string): string {
  // SharePoint user-info-list ids are small integers; derive a stable one from the identity.
  let hash = 0;
  for (const ch of identityId) hash = (hash * 31 + ch.charCodeAt(0)) % 97;
  return String(hash + 6);
}

/**
 * An item's column values. Like SharePoint, empty columns are left out (clients must treat a
 * missing `Deputy` as empty); `fieldSelect` narrows them as `expand=fields(select=…)` does.
 */
export function fieldsView(
  item: ListItemState,
  list: ListState,
  fieldSelect: readonly string[] | null,
): Record<string, unknown> {
  const all: Record<string, unknown> = {
    '@odata.etag': listItemETag(item),
    id: item.id,
    ContentType: 'Item',
  };
  for (const column of list.columns) {
    const value = item.fields[column.name];
    if (value !== null && value !== undefined && value !== '') all[column.name] = value;
  }
  Object.assign(all, {
    Modified: item.lastModifiedDateTime,
    Created: item.createdDateTime,
    AuthorLookupId: lookupId(item.createdBy.id),
    EditorLookupId: lookupId(item.lastModifiedBy.id),
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: item.fields.Title ?? '',
    LinkTitle: item.fields.Title ?? '',
    ItemChildCount: '0',
    FolderChildCount: '0',
    _ComplianceFlags: '',
    _ComplianceTag: '',
    _ComplianceTagWrittenTime: '',
    _ComplianceTagUserId: '',
  });
  if (!fieldSelect) return all;
  const view: Record<string, unknown> = { '@odata.etag': all['@odata.etag'] };
  for (const name of fieldSelect) if (name in all) view[name] = all[name];
  return view;
}

export interface ListItemViewOptions {
  select: readonly string[] | null;
  /** `undefined`: fields not expanded; `null`: all fields; a list: those fields. */
  fields: readonly string[] | null | undefined;
  fieldsContext: string;
}

export function listItemView(
  site: SiteState,
  list: ListState,
  item: ListItemState,
  options: ListItemViewOptions,
): Record<string, unknown> {
  const identity = (who: ListItemState['createdBy']) => ({
    user: { email: who.email, id: who.id, displayName: who.displayName },
  });
  const all: Record<string, unknown> = {
    createdDateTime: item.createdDateTime,
    eTag: listItemETag(item),
    id: item.id,
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `${list.webUrl}/${item.id}_.000`,
    createdBy: identity(item.createdBy),
    lastModifiedBy: identity(item.lastModifiedBy),
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: '0x0100C5E3A2B84D7E4F0CA1B2C3D4E5F6A7B8', name: 'Item' },
    sharepointIds: {
      listId: list.id,
      listItemId: item.id,
      listItemUniqueId: item.uniqueId,
      siteUrl: site.webUrl,
    },
  };
  const view: Record<string, unknown> = { '@odata.etag': listItemETag(item) };
  if (options.select) {
    for (const property of options.select) view[property] = all[property];
    if (!options.select.includes('id')) view.id = item.id;
  } else {
    for (const [key, value] of Object.entries(all)) if (key !== 'sharepointIds') view[key] = value;
  }
  if (options.fields !== undefined) {
    view['fields@odata.context'] = options.fieldsContext;
    view.fields = fieldsView(item, list, options.fields);
  }
  return view;
}
