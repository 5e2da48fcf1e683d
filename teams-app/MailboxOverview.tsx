import { useCallback } from 'react';
import {
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { coveredMailboxes } from '../shared/domain/index.ts';
import type { MailboxRole, RegisterEntry } from '../shared/domain/index.ts';
import { getInboxSummary } from '../shared/graph/index.ts';
import type { GraphResult, InboxSummary } from '../shared/graph/index.ts';
import { GraphErrorBar, describePolicy, useAppServices, useAsync } from '../shared/ui/index.ts';

const useStyles = makeStyles({
  number: { textAlign: 'end', justifyContent: 'flex-end', fontVariantNumeric: 'tabular-nums' },
  address: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  mailboxCell: { minWidth: '16rem' },
});

/** Runs `work` over `items` with at most `limit` in flight (Outlook allows about 4 concurrent requests). */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The user's mailboxes with their Inbox counts. */
export function MailboxOverview({ entries }: { entries: RegisterEntry[] }) {
  const { graph, userPrincipalName, config } = useAppServices();
  const { t } = useTranslation();
  const styles = useStyles();
  const mine = coveredMailboxes(entries, userPrincipalName ?? '');
  const load = useCallback(
    () =>
      mapLimited(coveredMailboxes(entries, userPrincipalName ?? ''), 4, ({ entry }) => getInboxSummary(graph, entry.address)),
    [graph, entries, userPrincipalName],
  );
  const addresses = mine.map(({ entry }) => entry.address).join();
  const counts = useAsync<GraphResult<InboxSummary>[]>(load, `${userPrincipalName}|${addresses}`);

  if (mine.length === 0) return <Text>{t('register.noMailboxes')}</Text>;
  if (counts.status === 'loading') return <Spinner label={t('app.loading')} />;
  const failed = counts.value.find((r): r is { ok: false; error: never } => !r.ok);
  const total = counts.value.reduce((sum, r) => sum + (r.ok ? r.value.totalItemCount : 0), 0);

  return (
    <>
      {failed && <GraphErrorBar error={failed.error} url={config.graph.baseUrl} />}
      <Text as="p" data-testid="total">
        {t('tab.total', { count: total })}
      </Text>
      <Table aria-labelledby="overview-heading" data-testid="mailbox-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('tab.mailbox')}</TableHeaderCell>
            <TableHeaderCell>{t('tab.role')}</TableHeaderCell>
            <TableHeaderCell>{t('mailbox.policy')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('tab.inbox')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('tab.unread')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {mine.map(({ entry, role }: { entry: RegisterEntry; role: MailboxRole }, index) => {
            const summary = counts.value[index];
            return (
              <TableRow key={entry.address} data-testid="mailbox-row">
                <TableCell className={styles.mailboxCell}>
                  <div>{entry.displayName}</div>
                  <div className={styles.address}>
                    {entry.address} · {t(`mailbox.kind_${entry.kind}`)}
                  </div>
                </TableCell>
                <TableCell>{t(`mailbox.role_${role}`)}</TableCell>
                <TableCell>{describePolicy(entry.policy, t)}</TableCell>
                <TableCell className={styles.number} data-testid="inbox-count">
                  {summary?.ok ? summary.value.totalItemCount : '–'}
                </TableCell>
                <TableCell className={styles.number}>{summary?.ok ? summary.value.unreadItemCount : '–'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
