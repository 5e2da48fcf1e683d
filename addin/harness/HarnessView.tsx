import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { ComposeRegular } from '@fluentui/react-icons';
import { useTranslation } from '../../shared/i18n/react.tsx';
import { coveredMailboxes } from '../../shared/domain/index.ts';
import { attempt } from '../../shared/graph/index.ts';
import type { GraphResult } from '../../shared/graph/index.ts';
import { useAppServices, useAsync, useRegister } from '../../shared/ui/index.ts';
import { OutlookProvider } from '../outlook/OutlookContext.tsx';
import { TaskPane } from '../TaskPane.tsx';
import { lazyComponent } from '../../shared/ui/lazyComponent.tsx';
import { Loading } from '../../shared/ui/Loading.tsx';
import { mark } from '../../shared/ui/mark.ts';
import { afterSessionStart, sessionMe } from '../../shared/ui/sessionStart.ts';
import { createHarnessOutlook } from './createHarnessOutlook.ts';
import type { HarnessMessage, HarnessOutlook } from './createHarnessOutlook.ts';
import { useHarnessViewStyles } from './HarnessView.styles.ts';

// Writing is the rarer use of the demo host, and its form (Select, Field, Input, Dialog) is not needed
// for the task pane's first queue: fetched once the session's start-up reads are done, or on first use.
const ComposeWindow = lazyComponent(
  () => import('./ComposeWindow.tsx').then((module) => module.default),
  Loading,
);

interface Folder {
  address: string;
  displayName: string;
  messages: HarnessMessage[];
  error: string | null;
}

type GraphList = {
  value: Array<{
    id: string;
    subject: string | null;
    from?: { emailAddress?: { name?: string; address?: string } };
    receivedDateTime: string;
  }>;
};

/**
 * The demo harness: a small in-page Outlook around the task pane when it runs outside Outlook. Left,
 * the user's own Inbox and the function mailboxes they cover (from the emulator via the app's Graph
 * client); middle, the selected message or a compose window; right, the task pane itself.
 */
export default function HarnessView() {
  useEffect(() => mark('harness'), []);
  const { t, i18n } = useTranslation();
  const styles = useHarnessViewStyles();
  const { graph, userPrincipalName, host, demo } = useAppServices();
  const upn = userPrincipalName ?? '';
  // In demo mode the persona's address is enough to start (its name follows when the persona list
  // arrives); with a real tenant, ask /me first.
  const persona = demo?.personas.find((p) => p.upn.toLowerCase() === upn);
  const me = useAsync(() => (demo ? Promise.resolve(null) : sessionMe(graph)), demo ? `demo|${upn}` : upn);
  const register = useRegister();
  const covered = useMemo(
    () =>
      register.status === 'done' && register.value.ok
        ? coveredMailboxes(register.value.value.entries, upn).map((c) => c.entry)
        : [],
    [register, upn],
  );
  const displayName =
    persona?.displayName ?? (me.status === 'done' && me.value?.ok ? me.value.value.displayName : upn);
  const ready = demo !== null || me.status === 'done';

  // One harness per signed-in user. Its userProfile is read when the add-in asks (as Outlook's is), so a
  // display name that arrives later is written into it rather than starting a new harness.
  const harness = useMemo(
    () =>
      ready
        ? createHarnessOutlook({
            userProfile: { displayName: upn, emailAddress: upn },
            displayLanguage: host.locale,
            supportsSharedMailboxes:
              new URLSearchParams(globalThis.location?.search ?? '').get('mailboxApi') !== '1.12',
            storage: globalThis.localStorage ?? null,
          })
        : null,
    [ready, upn, host],
  );
  useEffect(() => {
    if (harness) harness.setDisplayName(displayName);
  }, [harness, displayName]);

  const folderAddresses = useMemo(
    () => [upn, ...covered.map((e) => e.address.toLowerCase())],
    [upn, covered],
  );
  // The lists are the demo host's, not the add-in's: they wait until the session's start-up reads
  // (register, first sync round) are done rather than slow them down by competing with them.
  const loadFolders = useCallback(
    () =>
      afterSessionStart(graph).then(() =>
        Promise.all(
          folderAddresses.map(async (address): Promise<Folder> => {
            const entry = covered.find((e) => e.address.toLowerCase() === address);
            const result: GraphResult<GraphList> = await attempt(
              () =>
                graph
                  .api(`/users/${encodeURIComponent(address)}/mailFolders/inbox/messages`)
                  .select('subject,from,receivedDateTime')
                  .orderby('receivedDateTime desc')
                  .top(20)
                  .get() as Promise<GraphList>,
            );
            return {
              address,
              displayName: entry?.displayName ?? t('outlook.harness.own'),
              error: result.ok ? null : result.error.message,
              messages: result.ok
                ? result.value.value.map((m) => ({
                    id: m.id,
                    mailbox: address,
                    subject: m.subject ?? '',
                    from: m.from?.emailAddress?.name ?? m.from?.emailAddress?.address ?? '',
                    receivedDateTime: m.receivedDateTime,
                  }))
                : [],
            };
          }),
        ),
      ),
    [folderAddresses, covered, graph, t],
  );
  useEffect(() => {
    void afterSessionStart(graph).then(() => ComposeWindow.preload().catch(() => undefined));
  }, [graph]);
  // Once, for the mailboxes the register names (not first the user's own alone and then all of them).
  const registerRead = register.status === 'done';
  const folders = useAsync(
    registerRead ? loadFolders : () => new Promise<Folder[]>(() => undefined),
    registerRead ? folderAddresses.join() : '',
  );

  useEffect(() => {
    if (harness && folders.status === 'done') harness.setMessages(folders.value.flatMap((f) => f.messages));
  }, [harness, folders]);

  // A form the list does not hold (the pass-on draft, an older message from the queue): look it up in
  // the user's mailboxes; a draft opens in the compose window to complete, a message becomes the item.
  useEffect(() => {
    harness?.setOpenUnknown((id: string) => {
      void (async () => {
        for (const address of folderAddresses) {
          const found = await attempt(
            () =>
              graph
                .api(`/users/${encodeURIComponent(address)}/messages/${encodeURIComponent(id)}`)
                .select('subject,from,receivedDateTime,toRecipients,isDraft')
                .get() as Promise<{
                subject: string | null;
                isDraft?: boolean;
                receivedDateTime: string;
                from?: { emailAddress?: { name?: string; address?: string } };
                toRecipients?: Array<{ emailAddress: { address: string } }>;
              }>,
          );
          if (!found.ok) continue;
          const message = found.value;
          if (message.isDraft) {
            harness.openCompose({
              kind: 'draft',
              from: address,
              subject: message.subject ?? '',
              to: (message.toRecipients ?? []).map((r) => r.emailAddress.address).join('; '),
            });
          } else {
            harness.select({
              id,
              mailbox: address,
              subject: message.subject ?? '',
              from: message.from?.emailAddress?.name ?? message.from?.emailAddress?.address ?? '',
              receivedDateTime: message.receivedDateTime,
            });
          }
          return;
        }
      })();
    });
  }, [harness, folderAddresses, graph]);

  if (!harness) return <Loading />;

  return (
    <div className={styles.root} lang={i18n.language}>
      <header className={styles.banner} data-testid="harness-banner">
        <Text weight="semibold">{t('outlook.harness.banner')}</Text>
      </header>
      <div className={styles.grid}>
        <nav aria-labelledby="harness-folders" className={styles.column}>
          <h2 id="harness-folders" className={styles.h2}>
            {t('outlook.harness.folders')}
          </h2>
          <Button
            icon={<ComposeRegular />}
            onClick={() => harness.openCompose()}
            data-testid="harness-new-message"
          >
            {t('outlook.harness.newMessage')}
          </Button>
          {folders.status === 'loading' && <Loading size="tiny" label={t('outlook.harness.loading')} />}
          {folders.status === 'done' && <FolderList folders={folders.value} harness={harness} />}
        </nav>
        <ItemColumn
          harness={harness}
          fromOptions={[
            { address: upn, displayName },
            ...covered.map((e) => ({ address: e.address, displayName: e.displayName })),
          ]}
        />
        <div
          role="region"
          aria-label={t('outlook.harness.pane')}
          className={styles.pane}
          data-testid="harness-pane"
        >
          <OutlookProvider value={harness.api}>
            <TaskPane />
          </OutlookProvider>
        </div>
      </div>
    </div>
  );
}

function useHarnessState(harness: HarnessOutlook) {
  return useSyncExternalStore(harness.subscribe, harness.getState, harness.getState);
}

function FolderList({ folders, harness }: { folders: Folder[]; harness: HarnessOutlook }) {
  const { t } = useTranslation();
  const styles = useHarnessViewStyles();
  const { selected } = useHarnessState(harness);
  return (
    <>
      {folders.map((folder) => (
        <section key={folder.address} aria-labelledby={`folder-${folder.address}`}>
          <h3 id={`folder-${folder.address}`} className={styles.h3}>
            {folder.displayName} <Caption1>({folder.address})</Caption1>
          </h3>
          {folder.error && <Text role="alert">{t('outlook.harness.failed', { message: folder.error })}</Text>}
          <ul className={styles.list}>
            {folder.messages.map((message) => {
              const isSelected = selected?.id === message.id && selected.mailbox === message.mailbox;
              return (
                <li key={message.id}>
                  <Button
                    appearance={isSelected ? 'primary' : 'subtle'}
                    aria-pressed={isSelected}
                    className={styles.message}
                    onClick={() => harness.select(message)}
                    data-testid="harness-message"
                    data-message-id={message.id}
                    data-mailbox={message.mailbox}
                  >
                    <span>{message.subject || t('messages.noSubject')}</span>
                    <Caption1>{message.from}</Caption1>
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

function ItemColumn({
  harness,
  fromOptions,
}: {
  harness: HarnessOutlook;
  fromOptions: Array<{ address: string; displayName: string }>;
}) {
  const { t } = useTranslation();
  const styles = useHarnessViewStyles();
  const state = useHarnessState(harness);
  const notifications = [...state.notifications.values()];
  return (
    <section aria-labelledby="harness-item" className={styles.column}>
      <h2 id="harness-item" className={styles.h2}>
        {state.compose
          ? state.compose.kind === 'draft'
            ? t('outlook.harness.draft')
            : t('outlook.harness.compose')
          : state.selected
            ? state.selected.subject || t('messages.noSubject')
            : t('outlook.tabs.message')}
      </h2>
      {!state.compose && !state.selected && <Text>{t('outlook.read.none')}</Text>}
      {notifications.map((n, i) => (
        <MessageBar key={i} intent="info" layout="multiline" data-testid="harness-notification">
          <MessageBarBody>
            <MessageBarTitle>{t('outlook.harness.notification')}</MessageBarTitle> {n.message}
          </MessageBarBody>
        </MessageBar>
      ))}
      {state.selected && !state.compose && (
        <Caption1>
          {t('messages.from')}: {state.selected.from} · {state.selected.mailbox}
        </Caption1>
      )}
      {state.compose && <ComposeWindow harness={harness} fromOptions={fromOptions} />}
      <div role="status" aria-live="polite" data-testid="harness-status">
        {state.sent > 0 && !state.compose && t('outlook.harness.sent')}
      </div>
    </section>
  );
}
