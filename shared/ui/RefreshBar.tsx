import { Button, Caption1, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { useTranslation } from '../i18n/react.tsx';
import type { SyncState, SyncStore } from '../graph/index.ts';
import { useAppServices } from './AppContext.tsx';
import { formatDateTime } from './formatDateTime.ts';
import { useShownAfter } from './Loading.tsx';
import { dateLocale } from './dateLocale.ts';
import { useRefreshStatus, useSyncStore } from './sync/useSyncStore.ts';
import { useRefreshBarStyles } from './RefreshBar.styles.ts';

const staleOf = (state: SyncState) => state.mailboxes.filter((m) => m.error !== null);
const restoredOf = (state: SyncState) => state.restored && state.refreshing;

/**
 * Refresh progress, when data was last updated, a refresh button, and — when Graph fails for a
 * mailbox — a banner saying which data is stale and since when. The rest stays usable.
 */
export function RefreshBar({ store }: { store: SyncStore }) {
  const { t, i18n } = useTranslation();
  const styles = useRefreshBarStyles();
  const { config } = useAppServices();
  const { refreshing, progress, lastUpdated } = useRefreshStatus(store);
  // The words at once; the spinning graphic only for a refresh that takes a while (most take well under
  // a second, and a start-up's first one runs while the browser is busiest).
  const spinning = useShownAfter(refreshing);
  const stale = useSyncStore(store, staleOf);
  const restored = useSyncStore(store, restoredOf);
  const zone = config.organisation.calendar.timeZone ?? 'Europe/Stockholm';
  const when = (iso: string) => formatDateTime(iso, dateLocale(i18n.language), zone);

  return (
    <>
      <div className={styles.bar}>
        <Caption1 role="status" aria-live="polite" className={styles.status} data-testid="refresh-status">
          {refreshing && spinning ? (
            <Spinner size="extra-tiny" label={t('sync.refreshing', progress)} labelPosition="after" />
          ) : refreshing ? (
            <span className={styles.refreshing}>{t('sync.refreshing', progress)}</span>
          ) : lastUpdated ? (
            t('sync.lastUpdated', { time: when(lastUpdated) })
          ) : (
            t('sync.never')
          )}
        </Caption1>
        <Button size="small" icon={<ArrowSyncRegular />} onClick={() => void store.refresh()} data-testid="refresh">
          {t('app.refresh')}
        </Button>
      </div>
      {restored && <Caption1>{t('sync.restored')}</Caption1>}
      {stale.map((mailbox) => (
        <MessageBar key={mailbox.address} intent="warning" layout="multiline" data-testid="stale-banner">
          <MessageBarBody>
            {t('sync.stale', {
              mailbox: mailbox.entry.displayName,
              status: mailbox.error?.status,
              code: mailbox.error?.code,
              message: mailbox.error?.message,
            })}{' '}
            {mailbox.lastFresh ? t('sync.staleSince', { time: when(mailbox.lastFresh) }) : t('sync.staleNever')}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
