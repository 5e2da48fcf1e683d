import { useMemo } from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useTranslation } from '../shared/i18n/react.tsx';
import type { coveredMailboxes } from '../shared/domain/index.ts';
import type { DueMessage, SyncStore } from '../shared/graph/index.ts';
import {
  RefreshBar,
  dateLocale,
  describePolicy,
  formatDateTime,
  useNow,
  useSyncStore,
  useUnhandledWithDeadlines,
} from '../shared/ui/index.ts';
import { useMailboxOverviewStyles } from './MailboxOverview.styles.ts';

interface Row {
  overdue: number;
  approaching: number;
  ok: number;
  next: DueMessage | null;
}

/** The user's mailboxes with unhandled, approaching and overdue counts and the next due time. */
export function MailboxOverview({ mine, store }: { mine: ReturnType<typeof coveredMailboxes>; store: SyncStore }) {
  const { t, i18n } = useTranslation();
  const styles = useMailboxOverviewStyles();
  const mailboxes = useSyncStore(store, (state) => state.mailboxes);
  const now = useNow();
  const groups = useUnhandledWithDeadlines(store, now);

  const rows = useMemo(() => {
    const rows = new Map<string, Row>();
    for (const state of ['overdue', 'approaching', 'ok'] as const) {
      for (const item of groups[state]) {
        const row = rows.get(item.mailbox.address) ?? { overdue: 0, approaching: 0, ok: 0, next: null };
        row[state] += 1;
        if (!row.next || item.dueMs < row.next.dueMs) row.next = item;
        rows.set(item.mailbox.address, row);
      }
    }
    return rows;
  }, [groups]);

  const inboxSize = new Map(mailboxes.map((m) => [m.address, m.lastFresh || m.messages.length > 0 ? m.messages.length : null]));
  const total = [...inboxSize.values()].reduce<number>((sum, n) => sum + (n ?? 0), 0);
  const locale = dateLocale(i18n.language);

  return (
    <>
      <RefreshBar store={store} />
      <Text as="p" data-testid="total">
        {t('tab.total', { count: total })}
      </Text>
      <Table aria-labelledby="overview-heading" data-testid="mailbox-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('tab.mailbox')}</TableHeaderCell>
            <TableHeaderCell>{t('tab.role')}</TableHeaderCell>
            <TableHeaderCell>{t('mailbox.policy')}</TableHeaderCell>
            <TableHeaderCell>{t('tab.inbox')}</TableHeaderCell>
            <TableHeaderCell>{t('counts.unhandled')}</TableHeaderCell>
            <TableHeaderCell>{t('state.approaching')}</TableHeaderCell>
            <TableHeaderCell>{t('state.overdue')}</TableHeaderCell>
            <TableHeaderCell>{t('counts.nextDue')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {mine.map(({ entry, role }) => {
            const row = rows.get(entry.address) ?? { overdue: 0, approaching: 0, ok: 0, next: null };
            const size = inboxSize.get(entry.address);
            return (
              <TableRow key={entry.address} data-testid="mailbox-row" data-address={entry.address}>
                <TableCell className={styles.mailboxCell}>
                  <div>{entry.displayName}</div>
                  <div className={styles.address}>
                    {entry.address} · {t(`mailbox.kind_${entry.kind}`)}
                  </div>
                </TableCell>
                <TableCell>{t(`mailbox.role_${role}`)}</TableCell>
                <TableCell>{describePolicy(entry.policy, t)}</TableCell>
                <TableCell className={styles.number} data-testid="inbox-count">
                  {size ?? '–'}
                </TableCell>
                <TableCell className={styles.number} data-testid="unhandled-count">
                  {row.overdue + row.approaching + row.ok}
                </TableCell>
                <TableCell className={styles.number} data-testid="approaching-count">
                  {row.approaching}
                </TableCell>
                <TableCell className={styles.number} data-testid="overdue-count">
                  {row.overdue}
                </TableCell>
                <TableCell>
                  {row.next ? (
                    <time dateTime={row.next.due}>{formatDateTime(row.next.due, locale, row.next.mailbox.calendar.timeZone)}</time>
                  ) : (
                    t('counts.none')
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
