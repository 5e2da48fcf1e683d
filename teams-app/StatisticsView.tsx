import { Suspense, lazy, useMemo } from 'react';
import {
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useTranslation } from '../shared/i18n/react.tsx';
import type { SyncState, SyncStore } from '../shared/graph/index.ts';
import { useStatisticsViewStyles } from './StatisticsView.styles.ts';
// The handled ledger (messages that left the Inbox) is the sync layer's; shared/graph/index.ts does not
// re-export it.
import { RefreshBar, dateLocale, useAppServices, useNow, useSyncStore } from '../shared/ui/index.ts';
import { monthlyStatistics } from '../shared/ui/teams/index.ts';
import type { MailboxStatistics } from '../shared/ui/teams/index.ts';

// The chart package pulls in d3: load it only when the statistics view is opened.
const StatisticsChart = lazy(() => import('./StatisticsChart.tsx'));

const mailboxesOf = (state: SyncState) => state.mailboxes;

function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}

/**
 * "Statistik": per mailbox and month of receipt, received, handled in time / late / at an unknown time,
 * unhandled in time / overdue, and the share within the response time against the target, with the
 * sources the handling times rest on. Messages still in the Inbox and those sync saw leave it (the
 * handled ledger, rules.md §3's 4th rule) both count.
 */
export function StatisticsView({ store, hasMailboxes }: { store: SyncStore; hasMailboxes: boolean }) {
  const { t, i18n } = useTranslation();
  const { config } = useAppServices();
  const mailboxes = useSyncStore(store, mailboxesOf);
  const now = useNow(60_000);
  const stats = useMemo(() => monthlyStatistics(mailboxes, now, 3), [mailboxes, now]);
  const target = config.app.statisticsTarget;
  const locale = dateLocale(i18n.language);
  if (!hasMailboxes) return <Text>{t('register.noMailboxes')}</Text>;
  return (
    <>
      <RefreshBar store={store} />
      <Text as="p">{t('teams.stats.intro', { target: Math.round(target * 100) })}</Text>
      <MessageBar intent="info" layout="multiline" data-testid="stats-limitation">
        <MessageBarBody>{t('teams.stats.limitation')}</MessageBarBody>
      </MessageBar>
      {stats.map((mailbox) => (
        <MailboxStats key={mailbox.address} mailbox={mailbox} target={target} locale={locale} />
      ))}
    </>
  );
}

function percent(share: number | null, locale: string): string {
  return share === null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}


function MailboxStats({ mailbox, target, locale }: { mailbox: MailboxStatistics; target: number; locale: string }) {
  const { t } = useTranslation();
  const styles = useStatisticsViewStyles();
  const headingId = `stats-${mailbox.address.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <section className={styles.mailbox} aria-labelledby={headingId} data-testid="stats-mailbox" data-address={mailbox.address}>
      <h3 id={headingId} className={styles.heading}>
        {mailbox.name}
      </h3>
      <div className={styles.chart} data-testid="stats-chart">
        <Suspense fallback={null}>
          <StatisticsChart
            months={mailbox.months}
            target={target}
            formatMonth={(month) => formatMonth(month, locale)}
            formatShare={(share) => percent(share, locale)}
            title={t('teams.stats.chartTitle', { name: mailbox.name, target: percent(target, locale) })}
            barLegend={t('teams.stats.shareInTime')}
            belowLegend={t('teams.stats.below', { share: t('teams.stats.shareInTime') })}
            targetLegend={t('teams.stats.target', { target: percent(target, locale) })}
          />
        </Suspense>
      </div>
      <Table size="small" aria-labelledby={headingId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('teams.stats.month')}</TableHeaderCell>
            <TableHeaderCell>{t('teams.stats.received')}</TableHeaderCell>
            <TableHeaderCell>{t('teams.stats.handledInTime')}</TableHeaderCell>
            <TableHeaderCell>{t('teams.stats.handledLate')}</TableHeaderCell>
            <TableHeaderCell>{t('teams.stats.handledUnknown')}</TableHeaderCell>
            <TableHeaderCell>{t('teams.stats.openInTime')}</TableHeaderCell>
            <TableHeaderCell>{t('teams.stats.overdue')}</TableHeaderCell>
            <TableHeaderCell>{t('teams.stats.shareInTime')}</TableHeaderCell>
            <TableHeaderCell>{t('teams.stats.basis')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {mailbox.months.map((month) => (
            <TableRow key={month.month} data-testid="stats-row" data-month={month.month}>
              <TableCell>{formatMonth(month.month, locale)}</TableCell>
              <TableCell className={styles.number}>{month.received}</TableCell>
              <TableCell className={styles.number}>{month.handledInTime}</TableCell>
              <TableCell className={styles.number}>{month.handledLate}</TableCell>
              <TableCell className={styles.number}>{month.handledUnknown}</TableCell>
              <TableCell className={styles.number}>{month.openInTime}</TableCell>
              <TableCell className={styles.number}>{month.overdue}</TableCell>
              <TableCell className={styles.number} data-testid="stats-share">
                {month.shareInTime === null
                  ? '–'
                  : month.shareInTime >= target
                    ? percent(month.shareInTime, locale)
                    : t('teams.stats.below', { share: percent(month.shareInTime, locale) })}
              </TableCell>
              <TableCell data-testid="stats-basis">
                {month.handledInTime + month.handledLate === 0 ? '–' : t('teams.stats.basisCounts', month.sources)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text size={200}>{t('teams.stats.sources')}</Text>
    </section>
  );
}
