import { userProperties, userView } from '../model/userView.ts';
import { compileFilter, maxOrClauses, parseFilter } from '../odata/filter.ts';
import type { FilterableProperties } from '../odata/filter.ts';
import { decodeSkipToken, encodeSkipToken, nextLinkFor } from '../odata/paging.ts';
import { parseCount, parseOrderBy, parseSelect, parseTop, readQueryOptions } from '../odata/queryOptions.ts';
import { errors, graphError, json } from '../pipeline/respond.ts';
import type { GraphContext, RouteDefinition } from '../pipeline/types.ts';
import type { UserState } from '../model/types.ts';
import { resolveUser } from './resolve.ts';

const filterableUserProperties: FilterableProperties<UserState> = {
  id: { type: 'string', get: (u) => u.id, in: true },
  displayName: { type: 'string', get: (u) => u.displayName, startsWith: true },
  givenName: { type: 'string', get: (u) => u.givenName, startsWith: true },
  surname: { type: 'string', get: (u) => u.surname, startsWith: true },
  mail: { type: 'string', get: (u) => u.mail, startsWith: true, in: true },
  userPrincipalName: { type: 'string', get: (u) => u.userPrincipalName, startsWith: true, in: true },
  department: { type: 'string', get: (u) => u.department },
  accountEnabled: { type: 'boolean', get: (u) => u.accountEnabled },
};

/**
 * The most child clauses one `or` of a directory `$filter` may have, each value of an `in (…)`
 * counting as one: 15, unless the request is an advanced query (`ConsistencyLevel: eventual`).
 * Graph answers more with 400 `Request_UnsupportedQuery` "Too many child clauses specified in search
 * filter expression containing 'OR' operators: 16. Max allowed: 15".
 * Sources: https://github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/1238 (the error,
 * and that advanced queries lift the limit) and microsoftgraph/microsoft-graph-docs PR #22097, which
 * documents "the maximum number of expressions in a filter clause when using the `in` operator is 15
 * items by default" (concepts/filter-query-parameter.md, now under the known issues).
 */
export const directoryFilterClauseLimit = 15;

/** `$search="displayName:sig" OR "mail:sig"`: tokens match word prefixes, as directory search does. */
function searchPredicate(search: string): ((user: UserState) => boolean) | null {
  const clauses = search
    .split(/\s+OR\s+/)
    .map((c) => /^"(displayName|mail|userPrincipalName|givenName|surname):([^"]*)"$/i.exec(c.trim()));
  if (clauses.some((c) => !c)) return null;
  return (user) =>
    clauses.some((clause) => {
      const property =
        filterableUserProperties[
          Object.keys(filterableUserProperties).find((k) => k.toLowerCase() === clause?.[1]?.toLowerCase()) ??
            ''
        ];
      const value = String(property?.get(user) ?? '').toLowerCase();
      const term = (clause?.[2] ?? '').toLowerCase();
      return value.split(/[\s.@-]+/).some((word) => word.startsWith(term)) || value.startsWith(term);
    });
}

function listUsers(context: GraphContext): Response {
  const options = readQueryOptions(context.url, [
    'select',
    'top',
    'filter',
    'search',
    'count',
    'orderby',
    'skiptoken',
  ]);
  if (!options.ok) return graphError(context, options.error);
  const o = options.value;
  const eventual = context.request.headers.get('ConsistencyLevel')?.toLowerCase() === 'eventual';
  if ((o.search !== undefined || o.count !== undefined) && !eventual) {
    return graphError(
      context,
      errors.badRequest(
        "Request with $search or $count query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      ),
    );
  }
  const select = parseSelect(o.select, userProperties, 'microsoft.graph.user');
  if (!select.ok) return graphError(context, select.error);
  const top = parseTop(o.top, 999);
  if (!top.ok) return graphError(context, top.error);
  const count = parseCount(o.count);
  if (!count.ok) return graphError(context, count.error);
  const orderBy = parseOrderBy(o.orderby, ['displayName', 'userPrincipalName'], 'users');
  if (!orderBy.ok) return graphError(context, orderBy.error);
  const offset = decodeSkipToken(o.skiptoken);
  if (offset === null)
    return graphError(context, errors.badRequest('Invalid $skiptoken: follow @odata.nextLink as given.'));

  let users = [...context.tenant.users];
  if (o.filter !== undefined) {
    const parsed = parseFilter(o.filter);
    if (!parsed.ok) return graphError(context, parsed.error);
    const clauses = maxOrClauses(parsed.value);
    if (clauses > directoryFilterClauseLimit && !eventual) {
      return graphError(context, {
        status: 400,
        code: 'Request_UnsupportedQuery',
        message: `Too many child clauses specified in search filter expression containing 'OR' operators: ${clauses}. Max allowed: ${directoryFilterClauseLimit}`,
      });
    }
    const compiled = compileFilter(parsed.value, filterableUserProperties, 'users');
    if (!compiled.ok) return graphError(context, compiled.error);
    users = users.filter(compiled.value);
  }
  if (o.search !== undefined) {
    const predicate = searchPredicate(o.search.trim());
    if (!predicate) {
      return graphError(
        context,
        errors.badRequest(
          `Invalid $search '${o.search}': expected "property:term" clauses joined by OR, e.g. "displayName:anna".`,
        ),
      );
    }
    users = users.filter(predicate);
  }
  if (orderBy.value) {
    const { property, direction } = orderBy.value;
    const key = (u: UserState) => (property === 'displayName' ? u.displayName : u.userPrincipalName);
    users.sort((a, b) => (direction === 'asc' ? 1 : -1) * key(a).localeCompare(key(b), 'sv'));
  }
  const pageSize = top.value ?? 100;
  const page = users.slice(offset, offset + pageSize);
  const body: Record<string, unknown> = {
    '@odata.context': `${context.serviceRoot}/$metadata#users${select.value ? `(${select.value.join(',')})` : ''}`,
  };
  if (count.value) body['@odata.count'] = users.length;
  body.value = page.map((u) => userView(u, select.value));
  if (pageSize > 0 && offset + pageSize < users.length) {
    body['@odata.nextLink'] = nextLinkFor(context.url, context.serviceRoot, {
      $skiptoken: encodeSkipToken(offset + pageSize),
    });
  }
  return json(body);
}

export const userRoutes: RouteDefinition[] = [
  {
    name: 'user.get',
    method: 'GET',
    path: '/users/{userId}',
    handle: (context) => {
      const options = readQueryOptions(context.url, ['select']);
      if (!options.ok) return graphError(context, options.error);
      const select = parseSelect(options.value.select, userProperties, 'microsoft.graph.user');
      if (!select.ok) return graphError(context, select.error);
      const user = resolveUser(context);
      if (!user.ok) return graphError(context, user.error);
      const suffix = select.value ? `(${select.value.join(',')})` : '';
      return json({
        '@odata.context': `${context.serviceRoot}/$metadata#users${suffix}/$entity`,
        ...userView(user.value, select.value),
      });
    },
  },
  { name: 'users.list', method: 'GET', path: '/users', handle: listUsers },
];
