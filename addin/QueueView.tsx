import { useMemo, useState } from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, Text, mergeClasses } from '@fluentui/react-components';
import { CheckmarkRegular, OpenRegular } from '@fluentui/react-icons';
import { useTranslation } from '../shared/i18n/react.tsx';
import type { DueMessage, GraphError, SyncStore } from '../shared/graph/index.ts';
import { DeadlineBadge, dateLocale, formatDateTime, useAppServices, useNow, useSyncStore, useUnhandledWithDeadlines } from '../shared/ui/index.ts';
import { useOutlook } from './outlook/OutlookContext.tsx';
import { isRelativeDay } from './outlook/dueInWords.ts';
import { useDueText } from './outlook/useDueText.ts';
import { openMessage } from './ReadView.tsx';
import { useQueueBootView } from './useQueueBootView.ts';
import { useProgressiveCount } from './useProgressiveCount.ts';
import { useQueueViewStyles } from './QueueView.styles.ts';
import { useMessageItemStyles } from './messageItem.styles.ts';

const groupsInOrder = ['overdue', 'approaching', 'ok'] as const;

// Element Timing (on the block whose own text is painted): when the queue is first on screen; the start-up
// benchmark reads it. Set through the ref: React's typings know no `elementtiming` attribute.
const timeFirstPaint = (element: HTMLElement | null) => element?.setAttribute('elementtiming', 'queue-item');

/**
 * My queue: every covered mailbox's open messages by due time, grouped overdue / approaching / ok.
 * `isStartView`: the pane opened on it (no message selected), so it is saved as the next start's view.
 */
export function QueueView({ store, isStartView = false }: { store: SyncStore; isStartView?: boolean }) {
  const { t, i18n } = useTranslation();
  const styles = useQueueViewStyles();
  const itemStyles = useMessageItemStyles();
  const subjectClass = mergeClasses(itemStyles.subject, styles.subject);
  const metaClass = mergeClasses(itemStyles.meta, styles.meta);
  const { config } = useAppServices();
  const outlook = useOutlook();
  const now = useNow();
  const groups = useUnhandledWithDeadlines(store, now);
  const mailboxes = useSyncStore(store, (state) => state.mailboxes);
  const zone = config.organisation.calendar.timeZone ?? 'Europe/Stockholm';
  const dueText = useDueText(zone);
  const locale = dateLocale(i18n.language);
  const [error, setError] = useState<GraphError | null>(null);
  useQueueBootView(store, now, zone, isStartView);

  const sorted = useMemo(() => {
    const byDue = (a: DueMessage, b: DueMessage) => a.dueMs - b.dueMs;
    return { overdue: [...groups.overdue].sort(byDue), approaching: [...groups.approaching].sort(byDue), ok: [...groups.ok].sort(byDue) };
  }, [groups]);
  const total = sorted.overdue.length + sorted.approaching.length + sorted.ok.length;
  const shown = useProgressiveCount(total);
  // The first `shown` entries in order (overdue, approaching, ok); the rest follow a frame later.
  const limits = {
    overdue: shown,
    approaching: Math.max(0, shown - sorted.overdue.length),
    ok: Math.max(0, shown - sorted.overdue.length - sorted.approaching.length),
  };
  const perMailbox = mailboxes.map((m) => ({
    mailbox: m,
    overdue: sorted.overdue.filter((d) => d.mailbox.address === m.address).length,
    approaching: sorted.approaching.filter((d) => d.mailbox.address === m.address).length,
    ok: sorted.ok.filter((d) => d.mailbox.address === m.address).length,
  }));

  const markHandled = async (due: DueMessage) => {
    const result = await store.markHandled(due.mailbox.address, due.message.id);
    setError(result.ok ? null : result.error);
  };

  return (
    <section aria-labelledby="queue-heading" data-testid="queue">
      <h2 id="queue-heading" style={{ fontSize: 16 }}>
        {t('outlook.tabs.queue')}
      </h2>
      <Text data-testid="queue-total">{t('outlook.queue.total', { count: total })}</Text>
      <h3 style={{ fontSize: 14 }}>{t('outlook.queue.perMailbox')}</h3>
      <ul className={styles.counts} data-testid="queue-mailbox-counts">
        {perMailbox.map((c) => (
          <li key={c.mailbox.address} data-address={c.mailbox.address}>
            <Caption1>
              {t('outlook.queue.mailboxCounts', { mailbox: c.mailbox.entry.displayName, overdue: c.overdue, approaching: c.approaching, ok: c.ok })}
            </Caption1>
          </li>
        ))}
      </ul>
      {error && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{t('actions.failed', { ...error })}</MessageBarBody>
        </MessageBar>
      )}
      {total === 0 && <Text>{t('outlook.queue.empty')}</Text>}
      {groupsInOrder.map((state) =>
        sorted[state].length === 0 ? null : (
          <section key={state} aria-labelledby={`queue-${state}`} data-testid={`queue-${state}`}>
            <h3 id={`queue-${state}`} style={{ fontSize: 14 }}>
              {t(`state.${state}`)} ({sorted[state].length})
            </h3>
            <ul className={styles.list}>
              {sorted[state].slice(0, limits[state]).map((due) => {
                const subject = due.message.subject || t('messages.noSubject');
                const pending = due.mailbox.pending.has(due.message.id);
                return (
                  <li
                    key={`${due.mailbox.address}/${due.message.id}`}
                    className={itemStyles.item}
                    data-testid="queue-item"
                    data-message-id={due.message.id}
                  >
                    <span className={subjectClass} ref={timeFirstPaint}>
                      {subject}
                    </span>
                    <span className={metaClass}>
                      {due.mailbox.entry.displayName} · {due.message.from?.name || due.message.from?.address || '–'}
                    </span>
                    <span className={metaClass}>
                      {dueText(due.dueMs, now, due.state)}
                      {isRelativeDay(due.dueMs, now, zone) && (
                        <>
                          {' '}
                          (<time dateTime={due.due}>{formatDateTime(due.due, locale, zone)}</time>)
                        </>
                      )}
                    </span>
                    <span className={itemStyles.actions}>
                      <DeadlineBadge state={due.state} />
                      <Button
                        size="small"
                        icon={<OpenRegular />}
                        aria-label={t('outlook.queue.openFor', { subject })}
                        onClick={() => openMessage(outlook, due.message.id)}
                        data-testid="queue-open"
                      >
                        {t('outlook.queue.open')}
                      </Button>
                      <Button
                        size="small"
                        icon={<CheckmarkRegular />}
                        disabled={pending}
                        aria-label={t('actions.markHandledFor', { subject })}
                        onClick={() => void markHandled(due)}
                        data-testid="queue-mark-handled"
                      >
                        {pending ? t('actions.saving') : t('actions.markHandled')}
                      </Button>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ),
      )}
    </section>
  );
}
