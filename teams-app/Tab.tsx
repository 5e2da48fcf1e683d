import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { GraphErrorBar, PersonaSwitcher, RegisterProblems, useAppServices, useRegister } from '../shared/ui/index.ts';
import { MailboxOverview } from './MailboxOverview.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '1100px',
  },
  title: { fontSize: tokens.fontSizeBase600, margin: 0 },
  switcher: { maxWidth: '420px' },
});

/** The Teams personal tab: the signed-in user's mailboxes at a glance. */
export function Tab() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { config } = useAppServices();
  const register = useRegister();
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{t('app.title')}</h1>
      <div className={styles.switcher}>
        <PersonaSwitcher />
      </div>
      <h2 id="overview-heading" style={{ fontSize: 18, margin: 0 }}>
        {t('tab.heading')}
      </h2>
      {register.status === 'loading' && <Spinner label={t('app.loading')} />}
      {register.status === 'done' && !register.value.ok && <GraphErrorBar error={register.value.error} url={config.graph.baseUrl} />}
      {register.status === 'done' && register.value.ok && (
        <>
          <RegisterProblems invalid={register.value.value.invalid} />
          <MailboxOverview entries={register.value.value.entries} />
        </>
      )}
    </main>
  );
}
