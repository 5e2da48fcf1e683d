import { mailFolderProperties, mailFolderView } from '../model/folderView.ts';
import { compileFilter, parseFilter } from '../odata/filter.ts';
import { nextLinkFor, odataKey } from '../odata/paging.ts';
import { parseCount, parseSelect, parseSkip, parseTop, readQueryOptions } from '../odata/queryOptions.ts';
import { graphError, json } from '../pipeline/respond.ts';
import type { RouteDefinition } from '../pipeline/types.ts';
import type { MailFolderState } from '../model/types.ts';
import { resolveFolder, resolveMailbox } from './resolve.ts';

export const mailFolderRoutes: RouteDefinition[] = [
  {
    name: 'mailFolders.list',
    method: 'GET',
    path: '/users/{userId}/mailFolders',
    handle: (context) => {
      const mailbox = resolveMailbox(context);
      if (!mailbox.ok) return graphError(context, mailbox.error);
      const options = readQueryOptions(context.url, ['select', 'top', 'skip', 'count', 'filter']);
      if (!options.ok) return graphError(context, options.error);
      const select = parseSelect(options.value.select, mailFolderProperties, 'microsoft.graph.mailFolder');
      if (!select.ok) return graphError(context, select.error);
      const top = parseTop(options.value.top, 1000);
      if (!top.ok) return graphError(context, top.error);
      const skip = parseSkip(options.value.skip);
      if (!skip.ok) return graphError(context, skip.error);
      const count = parseCount(options.value.count);
      if (!count.ok) return graphError(context, count.error);
      const root = context.tenant.wellKnownFolder(mailbox.value, 'msgfolderroot');
      // Graph lists the top-level folders (children of the root), hidden ones excluded.
      let folders = [...mailbox.value.mailbox.folders.values()].filter(
        (f) => f.parentFolderId === root.id && !f.isHidden,
      );
      if (options.value.filter !== undefined) {
        const parsed = parseFilter(options.value.filter);
        if (!parsed.ok) return graphError(context, parsed.error);
        const compiled = compileFilter<MailFolderState>(
          parsed.value,
          { displayName: { type: 'string', get: (f) => f.displayName, startsWith: true } },
          'mailFolders',
        );
        if (!compiled.ok) return graphError(context, compiled.error);
        folders = folders.filter(compiled.value);
      }
      const pageSize = top.value ?? 10;
      const page = folders.slice(skip.value, skip.value + pageSize);
      const body: Record<string, unknown> = {
        '@odata.context': `${context.serviceRoot}/$metadata#users(${odataKey(mailbox.value.id)})/mailFolders${select.value ? `(${select.value.join(',')})` : ''}`,
      };
      if (count.value) body['@odata.count'] = folders.length;
      body.value = page.map((f) => mailFolderView(mailbox.value, f, select.value));
      if (pageSize > 0 && skip.value + pageSize < folders.length) {
        body['@odata.nextLink'] = nextLinkFor(context.url, context.serviceRoot, {
          $skip: String(skip.value + pageSize),
        });
      }
      return json(body);
    },
  },
  {
    name: 'mailFolder.get',
    method: 'GET',
    path: '/users/{userId}/mailFolders/{folderId}',
    handle: (context) => {
      const mailbox = resolveMailbox(context);
      if (!mailbox.ok) return graphError(context, mailbox.error);
      const options = readQueryOptions(context.url, ['select']);
      if (!options.ok) return graphError(context, options.error);
      const select = parseSelect(options.value.select, mailFolderProperties, 'microsoft.graph.mailFolder');
      if (!select.ok) return graphError(context, select.error);
      const folder = resolveFolder(context, mailbox.value, context.params.folderId ?? '');
      if (!folder.ok) return graphError(context, folder.error);
      return json({
        '@odata.context': `${context.serviceRoot}/$metadata#users(${odataKey(mailbox.value.id)})/mailFolders/$entity`,
        ...mailFolderView(mailbox.value, folder.value, select.value),
      });
    },
  },
];
