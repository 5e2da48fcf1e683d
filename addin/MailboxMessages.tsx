import { useState } from 'react';
import { Button, Caption1, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { deadlineState, handledReason } from '../shared/domain/index.ts';
import type { RegisterEntry } from '../shared/domain/index.ts';
import { listInboxMessages } from '../shared/graph/index.ts';
import type { GraphError, InboxMessage } from '../shared/graph/index.ts';
import {
  DeadlineBadge,
  GraphErrorBar,
  formatDateTime,
  useAppServices,
  useAsync,
  useMailboxCalendar,
} from '../shared/ui/index.ts';
import type { MessageState } from '../shared/ui/index.ts';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  subject: { overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
});

const dateLocale = { sv: 'sv-SE', en: 'en-GB', fi: 'fi-FI' } as Record<string, string>;

/** The selected mailbox's Inbox: newest first, with each message's deadline and state. */
export function MailboxMessages({ entry, now }: { entry: RegisterEntry; now: string }) {
  const { graph, config } = useAppServices();
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const calendar = useMailboxCalendar(entry);
  const firstPage = useAsync(() => listInboxMessages(graph, entry.address, { top: 25 }), `${entry.address}`);
  // Further pages, appended by "show more".
  const [more, setMore] = useState<{ messages: InboxMessage[]; nextLink: string | null; error: GraphError | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const first = firstPage.status === 'done' ? firstPage.value : null;
  const messages = first?.ok ? [...first.value.messages, ...(more?.messages ?? [])] : [];
  const nextLink = more ? more.nextLink : first?.ok ? first.value.nextLink : null;
  const error = first && !first.ok ? first.error : (more?.error ?? null);
  const loading = firstPage.status === 'loading' || loadingMore;

  const showMore = async () => {
    setLoadingMore(true);
    const page = await listInboxMessages(graph, entry.address, { nextLink });
    setLoadingMore(false);
    setMore((previous) =>
      page.ok
        ? { messages: [...(previous?.messages ?? []), ...page.value.messages], nextLink: page.value.nextLink, error: null }
        : { messages: previous?.messages ?? [], nextLink, error: page.error },
    );
  };

  const locale = dateLocale[i18n.language] ?? 'sv-SE';
  const zone = calendar.timeZone;
  const stateOf = (message: InboxMessage): { state: MessageState; due: string | null } => {
    if (handledReason(message, config.organisation.handledCategories)) return { state: 'handled', due: null };
    if (entry.trackedSince && message.receivedDateTime.slice(0, 10) < entry.trackedSince) return { state: 'handled', due: null };
    const result = deadlineState(message.receivedDateTime, now, entry.policy, calendar);
    return { state: result.state, due: result.due };
  };

  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading" style={{ fontSize: 16 }}>
        {t('messages.heading', { mailbox: entry.displayName })}
      </h2>
      {error && <GraphErrorBar error={error} url={config.graph.baseUrl} />}
      {!loading && !error && messages.length === 0 && <Text>{t('messages.empty')}</Text>}
      <ul className={styles.list} data-testid="message-list">
        {messages.map((message) => {
          const { state, due } = stateOf(message);
          return (
            <li key={message.id} className={styles.item} data-testid="message">
              <Text weight={message.isRead ? 'regular' : 'semibold'} className={styles.subject} data-testid="message-subject">
                {message.subject || t('messages.noSubject')}
              </Text>
              <Caption1 className={styles.meta}>
                {t('messages.from')}: {message.from?.name || message.from?.address || '–'}
              </Caption1>
              <Caption1 className={styles.meta}>
                {t('messages.received')}: <time dateTime={message.receivedDateTime}>{formatDateTime(message.receivedDateTime, locale, zone)}</time>
                {due && (
                  <>
                    {' · '}
                    {t('messages.due')}: <time dateTime={due}>{formatDateTime(due, locale, zone)}</time>
                  </>
                )}
              </Caption1>
              <span>
                <DeadlineBadge state={state} />
              </span>
            </li>
          );
        })}
      </ul>
      {loading && <Spinner size="small" label={t('app.loading')} />}
      {!loading && nextLink && (
        <Button onClick={() => void showMore()} data-testid="show-more">
          {t('messages.showMore')}
        </Button>
      )}
    </section>
  );
}
