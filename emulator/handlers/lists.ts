import { ifMatchSatisfied, listItemETag } from '../model/etags.ts';
import { fieldsView, listItemProperties, listItemView, systemFieldNames } from '../model/listItemView.ts';
import { decodeSkipToken, encodeSkipToken, nextLinkFor, odataKey } from '../odata/paging.ts';
import { parseSelect, parseTop, readQueryOptions } from '../odata/queryOptions.ts';
import { errors, fail, graphError, json, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';
import type { GraphContext, RouteDefinition } from '../pipeline/types.ts';
import type { ListItemState, ListState, SiteState } from '../model/types.ts';
import { readJsonObject } from './resolve.ts';

const invalidRequest = (message: string) => ({ status: 400, code: 'invalidRequest', message });

function resolveList(context: GraphContext): Outcome<{ site: SiteState; list: ListState }> {
  const site = context.tenant.findSite(context.params.siteId ?? '');
  if (!site) return fail(errors.itemNotFoundSharePoint('Requested site could not be found'));
  const list = context.tenant.findList(site, context.params.listId ?? '');
  if (!list) return fail(errors.itemNotFoundSharePoint('The specified list was not found'));
  return ok({ site, list });
}

function resolveItem(context: GraphContext, list: ListState): Outcome<ListItemState> {
  const item = list.items.get(context.params.itemId ?? '');
  return item ? ok(item) : fail(errors.itemNotFoundSharePoint('The resource could not be found.'));
}

/** `fields`, `fields(select=Title,Address)` or `fields($select=…)`; `undefined` when not expanded. */
function parseFieldsExpand(value: string | undefined): Outcome<readonly string[] | null | undefined> {
  if (value === undefined) return ok(undefined);
  const match = /^\s*fields\s*(?:\(\s*\$?select\s*=\s*([^)]*)\))?\s*$/i.exec(value);
  if (!match) {
    return fail(
      errors.badRequest(
        `The emulator supports only expand=fields or expand=fields(select=Col1,Col2) on list items; got '${value}'.`,
      ),
    );
  }
  if (match[1] === undefined) return ok(null);
  return ok(
    match[1]
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
  );
}

function contextBase(context: GraphContext, site: SiteState, list: ListState): string {
  return `${context.serviceRoot}/$metadata#sites(${odataKey(site.id)})/lists(${odataKey(list.id)})`;
}

function listItems(context: GraphContext): Response {
  const resolved = resolveList(context);
  if (!resolved.ok) return graphError(context, resolved.error);
  const { site, list } = resolved.value;
  const options = readQueryOptions(context.url, ['expand', 'select', 'top', 'skiptoken']);
  if (!options.ok) return graphError(context, options.error);
  const expand = parseFieldsExpand(options.value.expand);
  if (!expand.ok) return graphError(context, expand.error);
  const select = parseSelect(options.value.select, listItemProperties, 'microsoft.graph.listItem');
  if (!select.ok) return graphError(context, select.error);
  const top = parseTop(options.value.top, 5000);
  if (!top.ok) return graphError(context, top.error);
  const offset = decodeSkipToken(options.value.skiptoken);
  if (offset === null)
    return graphError(context, invalidRequest('Invalid $skiptoken: follow @odata.nextLink as given.'));

  const items = [...list.items.values()].sort((a, b) => Number(a.id) - Number(b.id));
  // SharePoint's default page size for list items is 200.
  const pageSize = top.value ?? 200;
  const page = items.slice(offset, offset + pageSize);
  const body: Record<string, unknown> = {
    '@odata.context': `${contextBase(context, site, list)}/items${select.value ? `(${select.value.join(',')})` : ''}`,
    value: page.map((item) =>
      listItemView(site, list, item, {
        select: select.value,
        fields: expand.value,
        fieldsContext: `${contextBase(context, site, list)}/items(${odataKey(item.id)})/fields/$entity`,
      }),
    ),
  };
  if (pageSize > 0 && offset + pageSize < items.length) {
    body['@odata.nextLink'] = nextLinkFor(
      context.url,
      context.serviceRoot,
      { $skiptoken: encodeSkipToken(offset + pageSize) },
      ['skiptoken'],
    );
  }
  return json(body);
}

function getItem(context: GraphContext): Response {
  const resolved = resolveList(context);
  if (!resolved.ok) return graphError(context, resolved.error);
  const { site, list } = resolved.value;
  const options = readQueryOptions(context.url, ['expand', 'select']);
  if (!options.ok) return graphError(context, options.error);
  const expand = parseFieldsExpand(options.value.expand);
  if (!expand.ok) return graphError(context, expand.error);
  const select = parseSelect(options.value.select, listItemProperties, 'microsoft.graph.listItem');
  if (!select.ok) return graphError(context, select.error);
  const item = resolveItem(context, list);
  if (!item.ok) return graphError(context, item.error);
  const fieldsContext = `${contextBase(context, site, list)}/items(${odataKey(item.value.id)})/fields/$entity`;
  return json(
    {
      '@odata.context': `${contextBase(context, site, list)}/items/$entity`,
      ...listItemView(site, list, item.value, { select: select.value, fields: expand.value, fieldsContext }),
    },
    { headers: { ETag: listItemETag(item.value) } },
  );
}

function getFields(context: GraphContext): Response {
  const resolved = resolveList(context);
  if (!resolved.ok) return graphError(context, resolved.error);
  const { site, list } = resolved.value;
  const options = readQueryOptions(context.url, ['select']);
  if (!options.ok) return graphError(context, options.error);
  const item = resolveItem(context, list);
  if (!item.ok) return graphError(context, item.error);
  const select =
    options.value.select
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '') ?? null;
  return json(
    {
      '@odata.context': `${contextBase(context, site, list)}/items(${odataKey(item.value.id)})/fields/$entity`,
      ...fieldsView(item.value, list, select),
    },
    { headers: { ETag: listItemETag(item.value) } },
  );
}

/** Validates column values for a fields PATCH: known, writable, the right type and choice. */
function parseFieldValues(
  list: ListState,
  body: Record<string, unknown>,
): Outcome<Record<string, string | null>> {
  const values: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.startsWith('@odata.')) continue;
    if ((systemFieldNames as readonly string[]).includes(name))
      return fail(invalidRequest(`Field '${name}' is read-only`));
    const column = list.columns.find((c) => c.name === name);
    if (!column) {
      const near = list.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
      return fail(
        invalidRequest(
          `Field '${name}' is not recognized${near ? ` (column names are case-sensitive: did you mean '${near.name}'?)` : ''}`,
        ),
      );
    }
    if (value !== null && typeof value !== 'string') {
      return fail(
        invalidRequest(`Field '${name}' expects a text value or null; got ${JSON.stringify(value)}.`),
      );
    }
    const text = value === null || value.trim() === '' ? null : value;
    if (text === null && column.required)
      return fail(invalidRequest(`Field '${name}' is required and cannot be cleared.`));
    if (text !== null && column.choices && !column.choices.includes(text)) {
      return fail(
        invalidRequest(`Field '${name}' does not accept '${text}'. Choices: ${column.choices.join(', ')}.`),
      );
    }
    values[name] = text;
  }
  return ok(values);
}

async function patchFields(context: GraphContext): Promise<Response> {
  const resolved = resolveList(context);
  if (!resolved.ok) return graphError(context, resolved.error);
  const { site, list } = resolved.value;
  const item = resolveItem(context, list);
  if (!item.ok) return graphError(context, item.error);
  const current = listItemETag(item.value);
  const ifMatch = context.request.headers.get('If-Match');
  if (!ifMatchSatisfied(ifMatch, current)) {
    return graphError(context, {
      status: 412,
      code: 'preconditionFailed',
      message: `The request ETag value '${ifMatch ?? ''}' does not match the object's ETag value '${current}'.`,
    });
  }
  const body = await readJsonObject(context.request);
  if (!body.ok) return graphError(context, body.error);
  const values = parseFieldValues(list, body.value);
  if (!values.ok) return graphError(context, values.error);
  const caller = context.caller;
  const editor = caller
    ? { id: caller.id, displayName: caller.displayName, email: caller.mail }
    : item.value.lastModifiedBy;
  context.tenant.updateListItemFields(item.value, values.value, editor);
  return json(
    {
      '@odata.context': `${contextBase(context, site, list)}/items(${odataKey(item.value.id)})/fields/$entity`,
      ...fieldsView(item.value, list, null),
    },
    { headers: { ETag: listItemETag(item.value) } },
  );
}

export const listRoutes: RouteDefinition[] = [
  { name: 'listItems.list', method: 'GET', path: '/sites/{siteId}/lists/{listId}/items', handle: listItems },
  {
    name: 'listItem.get',
    method: 'GET',
    path: '/sites/{siteId}/lists/{listId}/items/{itemId}',
    handle: getItem,
  },
  {
    name: 'listItem.fields.get',
    method: 'GET',
    path: '/sites/{siteId}/lists/{listId}/items/{itemId}/fields',
    handle: getFields,
  },
  {
    name: 'listItem.fields.patch',
    method: 'PATCH',
    path: '/sites/{siteId}/lists/{listId}/items/{itemId}/fields',
    handle: patchFields,
  },
];
