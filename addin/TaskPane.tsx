import { useState } from 'react';
import { Button, Caption1, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MailInboxRegular, BuildingGovernmentRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { coveredMailboxes } from '../shared/domain/index.ts';
import {
  GraphErrorBar,
  PersonaSwitcher,
  RegisterProblems,
  describePolicy,
  useAppServices,
  useRegister,
} from '../shared/ui/index.ts';
import { MailboxMessages } from './MailboxMessages.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  title: { fontSize: tokens.fontSizeBase500, margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  mailbox: { width: '100%', justifyContent: 'flex-start', textAlign: 'start', minHeight: '44px' },
  mailboxText: { display: 'grid', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
});

/** The Outlook task pane: the mailboxes the user covers and, for the chosen one, its Inbox. */
export function TaskPane() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { userPrincipalName, config } = useAppServices();
  const register = useRegister();
  const [selected, setSelected] = useState<string | null>(null);
  const [now] = useState(() => new Date().toISOString());

  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{t('app.title')}</h1>
      <PersonaSwitcher />
      {register.status === 'loading' && <Spinner label={t('app.loading')} />}
      {register.status === 'done' && !register.value.ok && <GraphErrorBar error={register.value.error} url={config.graph.baseUrl} />}
      {register.status === 'done' && register.value.ok && (() => {
        const snapshot = register.value.value;
        const mine = coveredMailboxes(snapshot.entries, userPrincipalName ?? '');
        const current = mine.find(({ entry }) => entry.address === selected)?.entry ?? mine[0]?.entry ?? null;
        return (
          <>
            <RegisterProblems invalid={snapshot.invalid} />
            <nav aria-labelledby="mailboxes-heading">
              <h2 id="mailboxes-heading" style={{ fontSize: 16 }}>
                {t('mailbox.heading')}
              </h2>
              {mine.length === 0 && <Text>{t('register.noMailboxes')}</Text>}
              <ul className={styles.list} data-testid="mailbox-list">
                {mine.map(({ entry, role }) => (
                  <li key={entry.address}>
                    <Button
                      className={styles.mailbox}
                      appearance={entry.address === current?.address ? 'primary' : 'subtle'}
                      aria-current={entry.address === current?.address ? 'true' : undefined}
                      icon={entry.kind === 'authority' ? <BuildingGovernmentRegular /> : <MailInboxRegular />}
                      onClick={() => setSelected(entry.address)}
                      data-testid="mailbox"
                    >
                      <span className={styles.mailboxText}>
                        <span>{entry.displayName}</span>
                        <Caption1>{entry.address}</Caption1>
                        <Caption1>
                          {t(`mailbox.role_${role}`)} · {t(`mailbox.kind_${entry.kind}`)} · {describePolicy(entry.policy, t)}
                        </Caption1>
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </nav>
            {current && <MailboxMessages key={current.address} entry={current} now={now} />}
          </>
        );
      })()}
    </main>
  );
}
