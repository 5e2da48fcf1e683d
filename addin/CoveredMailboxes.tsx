import { useMemo, useState } from 'react';
import { Button, Caption1 } from '@fluentui/react-components';
import { BuildingGovernmentRegular, MailInboxRegular } from '@fluentui/react-icons';
import { useTranslation } from '../shared/i18n/react.tsx';
import type { MailboxRole, RegisterEntry } from '../shared/domain/index.ts';
import type { DueMessage, SyncStore } from '../shared/graph/index.ts';
import { describePolicy, useNow, useSyncStore, useUnhandledWithDeadlines } from '../shared/ui/index.ts';
import { MailboxMessages } from './MailboxMessages.tsx';
import { useCoveredMailboxesStyles } from './CoveredMailboxes.styles.ts';

/** The pane's third tab: the mailboxes the user covers, with counts, and the chosen one's Inbox. */
export function CoveredMailboxes({
  mine,
  store,
}: {
  mine: Array<{ entry: RegisterEntry; role: MailboxRole }>;
  store: SyncStore;
}) {
  const { t } = useTranslation();
  const styles = useCoveredMailboxesStyles();
  const mailboxes = useSyncStore(store, (state) => state.mailboxes);
  const now = useNow();
  const groups = useUnhandledWithDeadlines(store, now);
  const [selected, setSelected] = useState<string | null>(null);

  // Per mailbox: counts by state, and each open message's deadline by id.
  const { counts, due } = useMemo(() => {
    const counts = new Map<string, { overdue: number; approaching: number; ok: number }>();
    const due = new Map<string, DueMessage>();
    for (const state of ['overdue', 'approaching', 'ok'] as const) {
      for (const item of groups[state]) {
        const c = counts.get(item.mailbox.address) ?? { overdue: 0, approaching: 0, ok: 0 };
        c[state] += 1;
        counts.set(item.mailbox.address, c);
        due.set(item.message.id, item);
      }
    }
    return { counts, due };
  }, [groups]);

  const current = mailboxes.find((m) => m.address === selected) ?? mailboxes[0] ?? null;

  return (
    <>
      <nav aria-labelledby="mailboxes-heading">
        <h2 id="mailboxes-heading" style={{ fontSize: 16 }}>
          {t('mailbox.heading')}
        </h2>
        <ul className={styles.list} data-testid="mailbox-list">
          {mine.map(({ entry, role }) => {
            const c = counts.get(entry.address) ?? { overdue: 0, approaching: 0, ok: 0 };
            const isCurrent = entry.address === current?.address;
            return (
              <li key={entry.address}>
                <Button
                  className={styles.mailbox}
                  appearance={isCurrent ? 'primary' : 'subtle'}
                  aria-current={isCurrent ? 'true' : undefined}
                  icon={entry.kind === 'authority' ? <BuildingGovernmentRegular /> : <MailInboxRegular />}
                  onClick={() => setSelected(entry.address)}
                  data-testid="mailbox"
                  data-address={entry.address}
                >
                  <span className={styles.mailboxText}>
                    <span>{entry.displayName}</span>
                    <Caption1>{entry.address}</Caption1>
                    <Caption1>
                      {t(`mailbox.role_${role}`)} · {t(`mailbox.kind_${entry.kind}`)} ·{' '}
                      {describePolicy(entry.policy, t)}
                    </Caption1>
                    <Caption1 data-testid="mailbox-counts">
                      {t('counts.overdue', { count: c.overdue })} ·{' '}
                      {t('counts.approaching', { count: c.approaching })} · {t('counts.ok', { count: c.ok })}
                    </Caption1>
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
      </nav>
      {current && <MailboxMessages key={current.address} store={store} mailbox={current} due={due} />}
    </>
  );
}
