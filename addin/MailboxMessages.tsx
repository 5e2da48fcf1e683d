import { useState } from 'react';
import { Button, Caption1, Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { CheckmarkRegular, ShareRegular } from '@fluentui/react-icons';
import { useTranslation } from '../shared/i18n/react.tsx';
import type { DueMessage, ForwardDraft, GraphError, MailboxView, SyncStore, TrackedMessage } from '../shared/graph/index.ts';
import { DeadlineBadge, dateLocale, formatDateTime, useAppServices } from '../shared/ui/index.ts';
import type { MessageState } from '../shared/ui/index.ts';
import { useMailboxMessagesStyles } from './MailboxMessages.styles.ts';
import { useMessageItemStyles } from './messageItem.styles.ts';

const pageSize = 25;

type Feedback = { kind: 'error'; error: GraphError } | { kind: 'draft'; draft: ForwardDraft } | null;

/** The selected mailbox's Inbox: newest first, each message with its deadline and state, and actions. */
export function MailboxMessages({ store, mailbox, due }: { store: SyncStore; mailbox: MailboxView; due: ReadonlyMap<string, DueMessage> }) {
  const { config } = useAppServices();
  const { t, i18n } = useTranslation();
  const styles = useMailboxMessagesStyles();
  const itemStyles = useMessageItemStyles();
  const [shown, setShown] = useState(pageSize);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const locale = dateLocale(i18n.language);
  const zone = mailbox.calendar.timeZone;
  const messages = mailbox.messages.slice(0, shown);

  const markHandled = async (message: TrackedMessage) => {
    const result = await store.markHandled(mailbox.address, message.id);
    setFeedback(result.ok ? null : { kind: 'error', error: result.error });
  };
  const passOn = async (message: TrackedMessage) => {
    const result = await store.passOn(mailbox.address, message.id);
    setFeedback(result.ok ? { kind: 'draft', draft: result.value } : { kind: 'error', error: result.error });
  };

  const stateOf = (message: TrackedMessage): MessageState | null => {
    if (message.handled) return 'handled';
    return due.get(message.id)?.state ?? null;
  };

  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading" style={{ fontSize: 16 }}>
        {t('messages.heading', { mailbox: mailbox.entry.displayName })}
      </h2>
      {feedback?.kind === 'error' && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{t('actions.failed', { ...feedback.error })}</MessageBarBody>
        </MessageBar>
      )}
      {feedback?.kind === 'draft' && (
        <MessageBar intent="success" layout="multiline" data-testid="draft-created">
          <MessageBarBody>
            {t('actions.passOnDone', { address: config.organisation.citizenServiceAddress })}{' '}
            {feedback.draft.webLink && (
              <Link href={feedback.draft.webLink} target="_blank" rel="noreferrer">
                {t('actions.openDraft')}
              </Link>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {mailbox.messages.length === 0 && mailbox.lastFresh && <Text>{t('messages.empty')}</Text>}
      <ul className={styles.list} data-testid="message-list">
        {messages.map((message) => {
          const state = stateOf(message);
          const deadline = due.get(message.id);
          const pending = mailbox.pending.has(message.id);
          const subject = message.subject || t('messages.noSubject');
          return (
            <li key={message.id} className={itemStyles.item} data-testid="message" data-message-id={message.id}>
              <Text weight={message.isRead ? 'regular' : 'semibold'} className={itemStyles.subject} data-testid="message-subject">
                {subject}
              </Text>
              <Caption1 className={itemStyles.meta}>
                {t('messages.from')}: {message.from?.name || message.from?.address || '–'}
              </Caption1>
              <Caption1 className={itemStyles.meta}>
                {t('messages.received')}:{' '}
                <time dateTime={message.receivedDateTime}>{formatDateTime(message.receivedDateTime, locale, zone)}</time>
                {deadline && (
                  <>
                    {' · '}
                    {t('messages.due')}: <time dateTime={deadline.due}>{formatDateTime(deadline.due, locale, zone)}</time>
                  </>
                )}
              </Caption1>
              <span className={itemStyles.actions}>
                {state && <DeadlineBadge state={state} />}
                {message.handled && <Caption1 className={itemStyles.meta}>{t(`handledBy.${message.handled}`)}</Caption1>}
                {!message.handled && (
                  <>
                    <Button
                      size="small"
                      icon={<CheckmarkRegular />}
                      disabled={pending}
                      aria-label={t('actions.markHandledFor', { subject })}
                      onClick={() => void markHandled(message)}
                      data-testid="mark-handled"
                    >
                      {pending ? t('actions.saving') : t('actions.markHandled')}
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<ShareRegular />}
                      aria-label={t('actions.passOnFor', { subject })}
                      onClick={() => void passOn(message)}
                      data-testid="pass-on"
                    >
                      {t('actions.passOn')}
                    </Button>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {mailbox.messages.length > shown && (
        <Button onClick={() => setShown((n) => n + pageSize)} data-testid="show-more">
          {t('messages.showMore')}
        </Button>
      )}
    </section>
  );
}
