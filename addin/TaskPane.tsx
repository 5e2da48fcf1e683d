import { useEffect, useMemo, useState } from 'react';
import { Text } from '@fluentui/react-components';
import { useTranslation } from '../shared/i18n/react.tsx';
import { coveredMailboxes } from '../shared/domain/index.ts';
import type { MailboxRole, RegisterEntry } from '../shared/domain/index.ts';
import {
  GraphErrorBar,
  PersonaSwitcher,
  RefreshBar,
  RegisterProblems,
  useAppServices,
  useMailboxSync,
  useRegister,
} from '../shared/ui/index.ts';
import { lazyComponent } from '../shared/ui/lazyComponent.tsx';
import { useDismissBootView } from '../shared/ui/boot/bootHandOver.ts';
import { Loading } from '../shared/ui/Loading.tsx';
import { mark } from '../shared/ui/mark.ts';
import { Tabs } from '../shared/ui/Tabs.tsx';
import { useCurrentItem, useOutlook } from './outlook/OutlookContext.tsx';
import { isComposeItem } from './outlook/OutlookHostApi.ts';
import { QueueView } from './QueueView.tsx';
import { ReadView } from './ReadView.tsx';
import { useSignatureCache } from './signature/useSignatureCache.ts';
import { useTaskPaneStyles } from './TaskPane.styles.ts';

// The third tab's code (mailboxes and their Inbox lists) is fetched when it is first opened.
const CoveredMailboxes = lazyComponent(
  () => import('./CoveredMailboxes.tsx').then((module) => module.CoveredMailboxes),
  Loading,
);

// Writing is the rarer mode of the pane: the signature editor's code is fetched when a compose item opens.
const ComposeView = lazyComponent(
  () => import('./ComposeView.tsx').then((module) => module.ComposeView),
  Loading,
);

const registerCacheKey = (upn: string) => `brevladevakten.register.${upn}`;

/** The register as last read, so a reopened pane shows the persisted queue before the register answers. */
function cachedRegister(upn: string): RegisterEntry[] | null {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(registerCacheKey(upn)) ?? 'null');
    return Array.isArray(value) ? (value as RegisterEntry[]) : null;
  } catch {
    return null;
  }
}

/** The Outlook task pane: the open message (or the signature when writing), my queue, my mailboxes. */
export function TaskPane() {
  const { t } = useTranslation();
  const styles = useTaskPaneStyles();
  const { userPrincipalName, config } = useAppServices();
  const upn = userPrincipalName ?? '';
  const register = useRegister();
  const cached = useMemo(() => cachedRegister(upn), [upn]);
  const fresh = register.status === 'done' && register.value.ok ? register.value.value.entries : null;
  useEffect(() => {
    if (!fresh) return;
    try {
      globalThis.localStorage?.setItem(registerCacheKey(upn), JSON.stringify(fresh));
    } catch {
      // Storage full or blocked: the pane then waits for the register next time.
    }
  }, [fresh, upn]);
  const entries = fresh ?? (register.status === 'loading' ? cached : null);
  const mine = useMemo(() => coveredMailboxes(entries ?? [], upn), [entries, upn]);
  // No register to show a queue from: the saved start view gives way to the error.
  useDismissBootView(!entries && register.status === 'done');

  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{t('app.title')}</h1>
      <PersonaSwitcher />
      {register.status === 'loading' && !entries && <Loading />}
      {register.status === 'done' && !register.value.ok && (
        <GraphErrorBar error={register.value.error} url={config.graph.baseUrl} />
      )}
      {register.status === 'done' && register.value.ok && (
        <RegisterProblems invalid={register.value.value.invalid} />
      )}
      {entries && <Pane entries={entries} mine={mine} />}
    </main>
  );
}

type TabValue = 'message' | 'queue' | 'mailboxes';

function Pane({
  entries,
  mine,
}: {
  entries: readonly RegisterEntry[];
  mine: Array<{ entry: RegisterEntry; role: MailboxRole }>;
}) {
  useEffect(() => mark('pane'), []);
  const { t } = useTranslation();
  const styles = useTaskPaneStyles();
  const outlook = useOutlook();
  const { item, version } = useCurrentItem(outlook);
  const covered = useMemo(() => mine.map(({ entry }) => entry), [mine]);
  const store = useMailboxSync(covered);
  const { me, personal } = useSignatureCache(outlook, covered);
  // A newly selected item shows its tab; the user's choice holds until the item changes.
  const [choice, setChoice] = useState<{ version: number; tab: TabValue } | null>(null);
  const tab: TabValue = choice && choice.version === version ? choice.tab : item ? 'message' : 'queue';
  const setTab = (value: TabValue) => setChoice({ version, tab: value });
  const compose = isComposeItem(item);
  // A saved start view (the queue) gives way at once to any other tab.
  useDismissBootView(tab !== 'queue');

  return (
    <>
      <RefreshBar store={store} />
      <Tabs
        tabs={[
          {
            value: 'message',
            label: compose ? t('outlook.tabs.compose') : t('outlook.tabs.message'),
            testId: 'tab-message',
          },
          { value: 'queue', label: t('outlook.tabs.queue'), testId: 'tab-queue' },
          { value: 'mailboxes', label: t('outlook.tabs.mailboxes'), testId: 'tab-mailboxes' },
        ]}
        selected={tab}
        onSelect={setTab}
        label={t('outlook.tabs.label')}
        idPrefix="tab"
        panelPrefix="panel"
      />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className={styles.panel}>
        {tab === 'message' &&
          (compose ? (
            <ComposeView key={version} item={item} entries={entries} me={me} personal={personal} />
          ) : (
            <ReadView key={version} store={store} entries={entries} />
          ))}
        {tab === 'queue' && <QueueView store={store} isStartView={!item} />}
        {tab === 'mailboxes' &&
          (mine.length === 0 ? (
            <Text>{t('register.noMailboxes')}</Text>
          ) : (
            <CoveredMailboxes mine={mine} store={store} />
          ))}
      </div>
    </>
  );
}
