import { useEffect, useState } from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { CheckmarkRegular, ShareRegular } from '@fluentui/react-icons';
import { useTranslation } from '../shared/i18n/react.tsx';
import type { RegisterEntry } from '../shared/domain/index.ts';
import type { GraphError, SyncStore } from '../shared/graph/index.ts';
import {
  DeadlineBadge,
  dateLocale,
  describePolicy,
  formatDateTime,
  useAppServices,
  useNow,
  useSyncStore,
  useUnhandledWithDeadlines,
} from '../shared/ui/index.ts';
import { useCurrentItem, useOutlook } from './outlook/OutlookContext.tsx';
import { NOTIFICATION_KEY, isReadItem } from './outlook/OutlookHostApi.ts';
import type { OutlookHostApi } from './outlook/OutlookHostApi.ts';
import { resolveMailbox } from './outlook/resolveMailbox.ts';
import type { ResolvedMailbox } from './outlook/resolveMailbox.ts';
import { isRelativeDay } from './outlook/dueInWords.ts';
import { useDueText } from './outlook/useDueText.ts';
import { useReadViewStyles } from './ReadView.styles.ts';

type Feedback = { kind: 'error'; error: GraphError } | { kind: 'done' } | { kind: 'draft' } | null;

/** Opens a message by its Graph (REST) id: Outlook wants the EWS id. */
export function openMessage(outlook: OutlookHostApi | null, restId: string): void {
  if (!outlook) return;
  const mailbox = outlook.context.mailbox;
  mailbox.displayMessageForm(mailbox.convertToEwsId(restId, outlook.MailboxEnums.RestVersion.v2_0));
}

/** Read mode: the selected message's mailbox, deadline, state and policy, and the actions. */
export function ReadView({ store, entries }: { store: SyncStore; entries: readonly RegisterEntry[] }) {
  const { t, i18n } = useTranslation();
  const styles = useReadViewStyles();
  const { config } = useAppServices();
  const outlook = useOutlook();
  const { item } = useCurrentItem(outlook);
  const readItem = isReadItem(item) ? item : null;
  const mailboxes = useSyncStore(store, (state) => state.mailboxes);
  const now = useNow();
  const groups = useUnhandledWithDeadlines(store, now);
  const zone = config.organisation.calendar.timeZone ?? 'Europe/Stockholm';
  const dueText = useDueText(zone);
  const [resolved, setResolved] = useState<ResolvedMailbox | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);

  const restId =
    readItem && outlook ? outlook.context.mailbox.convertToRestId(readItem.itemId, outlook.MailboxEnums.RestVersion.v2_0) : null;

  useEffect(() => {
    if (!readItem || !outlook) return;
    let current = true;
    const requirements = outlook.context.requirements;
    void resolveMailbox(readItem, outlook.context.mailbox.userProfile.emailAddress, {
      supportsShared: requirements ? requirements.isSetSupported('Mailbox', '1.13') : true,
      findInSynced: () => store.getSnapshot().mailboxes.find((m) => m.messages.some((msg) => msg.id === restId))?.address ?? null,
    }).then((value) => current && setResolved(value));
    return () => {
      current = false;
    };
  }, [readItem, outlook, store, restId]);

  const entry = resolved ? entries.find((e) => e.address.toLowerCase() === resolved.address) : undefined;
  const view = resolved ? mailboxes.find((m) => m.address.toLowerCase() === resolved.address) : undefined;
  const message = view?.messages.find((m) => m.id === restId);
  const viewAddress = view?.address;
  const due =
    [...groups.overdue, ...groups.approaching, ...groups.ok].find((d) => d.message.id === restId && d.mailbox.address === viewAddress) ?? null;

  // Outlook's notification bar for the item: only while the message is close to or past its deadline.
  const notice = due && due.state !== 'ok' && !message?.handled ? dueText(due.dueMs, now, due.state) : null;
  const noticeState = due?.state;
  useEffect(() => {
    const messages = readItem?.notificationMessages;
    if (!messages || !outlook) return;
    if (notice) {
      const details = {
        type: outlook.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
        message: (noticeState === 'overdue' ? t('outlook.read.notifyOverdue', { when: notice }) : t('outlook.read.notifyApproaching', { when: notice })).slice(0, 150),
        persistent: false,
      };
      // The icon id must exist in the deployed manifest; where it does not (the unified manifest names no
      // image ids), the call fails and the notice goes out without an icon rather than not at all.
      messages.replaceAsync(NOTIFICATION_KEY, { ...details, icon: 'Icon.16x16' }, (result) => {
        if (result.status === 'failed') messages.replaceAsync(NOTIFICATION_KEY, details);
      });
    } else {
      messages.removeAsync(NOTIFICATION_KEY);
    }
  }, [readItem, outlook, notice, noticeState, t]);

  if (!readItem) return <Text data-testid="read-none">{t('outlook.read.none')}</Text>;
  if (!resolved) return <Spinner size="tiny" label={t('outlook.read.resolving')} />;

  if (!entry) {
    return (
      <MessageBar intent="info" layout="multiline" data-testid="unknown-mailbox">
        <MessageBarBody>
          <MessageBarTitle>{t('outlook.read.unknownHeading')}</MessageBarTitle>
          <p>{t('outlook.read.unknown', { address: resolved.address })}</p>
          <p>{t('outlook.read.unknownHow', { address: resolved.address })}</p>
        </MessageBarBody>
      </MessageBar>
    );
  }

  const markHandled = async () => {
    if (!view || !restId) return;
    const result = await store.markHandled(view.address, restId);
    setFeedback(result.ok ? { kind: 'done' } : { kind: 'error', error: result.error });
  };
  const passOn = async () => {
    if (!view || !restId) return;
    const result = await store.passOn(view.address, restId);
    if (!result.ok) return setFeedback({ kind: 'error', error: result.error });
    setFeedback({ kind: 'draft' });
    openMessage(outlook, result.value.id);
  };
  const locale = dateLocale(i18n.language);
  const pending = !!(restId && view?.pending.has(restId));
  const state = message?.handled ? 'handled' : (due?.state ?? null);

  return (
    <section aria-labelledby="read-heading" data-testid="read-view">
      <h2 id="read-heading" style={{ fontSize: 16 }}>
        {readItem.subject || t('messages.noSubject')}
      </h2>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('outlook.read.mailbox')}</dt>
        <dd className={styles.value} data-testid="read-mailbox">
          {entry.displayName} ({entry.address})
        </dd>
        {message && (
          <>
            <dt className={styles.term}>{t('outlook.read.received')}</dt>
            <dd className={styles.value}>
              <time dateTime={message.receivedDateTime}>{formatDateTime(message.receivedDateTime, locale, zone)}</time>
            </dd>
          </>
        )}
        {due && !message?.handled && (
          <>
            <dt className={styles.term}>{t('outlook.read.due')}</dt>
            <dd className={styles.value} data-testid="read-due" data-due={due.due}>
              {dueText(due.dueMs, now, due.state)}
              {isRelativeDay(due.dueMs, now, zone) && (
                <>
                  {' '}
                  (<time dateTime={due.due}>{formatDateTime(due.due, locale, zone)}</time>)
                </>
              )}
            </dd>
          </>
        )}
        {state && (
          <>
            <dt className={styles.term}>{t('outlook.read.state')}</dt>
            <dd className={styles.value} data-testid="read-state">
              <DeadlineBadge state={state} />
              {message?.handled && <Caption1> {t('outlook.read.handledHow', { how: t(`handledBy.${message.handled}`) })}</Caption1>}
            </dd>
          </>
        )}
        <dt className={styles.term}>{t('outlook.read.policy')}</dt>
        <dd className={styles.value} data-testid="read-policy">
          {describePolicy(entry.policy, t)}
        </dd>
      </dl>
      {resolved.how === 'guessed' && <Caption1>{t('outlook.read.guessed')}</Caption1>}
      {!view && <Text>{t('outlook.read.notCovered', { mailbox: entry.displayName })}</Text>}
      {view && !message && view.lastFresh === null && <Spinner size="tiny" label={t('app.loading')} />}
      {view && !message && view.lastFresh !== null && <Text data-testid="read-not-in-inbox">{t('outlook.read.notInInbox')}</Text>}
      {message && !message.tracked && <Text>{t('outlook.read.notTracked')}</Text>}
      {feedback?.kind === 'error' && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{t('actions.failed', { ...feedback.error })}</MessageBarBody>
        </MessageBar>
      )}
      {feedback?.kind === 'draft' && (
        <MessageBar intent="success" layout="multiline" data-testid="draft-created">
          <MessageBarBody>{t('outlook.read.passOnOpened', { address: config.organisation.citizenServiceAddress })}</MessageBarBody>
        </MessageBar>
      )}
      {message && !message.handled && (
        <div className={styles.actions}>
          <Button appearance="primary" icon={<CheckmarkRegular />} disabled={pending} onClick={() => void markHandled()} data-testid="read-mark-handled">
            {pending ? t('actions.saving') : t('actions.markHandled')}
          </Button>
          <Button icon={<ShareRegular />} onClick={() => void passOn()} data-testid="read-pass-on">
            {t('actions.passOn')}
          </Button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {feedback?.kind === 'done' && message?.handled && <Text>{t('outlook.read.done')}</Text>}
      </div>
    </section>
  );
}
