import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from '../shared/i18n/react.tsx';
import { coveredMailboxes } from '../shared/domain/index.ts';
import type { RegisterEntry } from '../shared/domain/index.ts';
import {
  GraphErrorBar,
  PersonaSwitcher,
  RegisterProblems,
  useAppServices,
  useMailboxSync,
  useRegister,
} from '../shared/ui/index.ts';
import { Loading } from '../shared/ui/Loading.tsx';
import { Tabs } from '../shared/ui/Tabs.tsx';
import { ManagerView } from './ManagerView.tsx';
import { OwnerView } from './OwnerView.tsx';
import { StatisticsView } from './StatisticsView.tsx';
import { useTabStyles } from './Tab.styles.ts';

type View = 'mine' | 'coverage' | 'statistics';

/** The Teams personal tab: the user's mailboxes, the coverage of the units they manage, statistics. */
export function Tab() {
  const { t } = useTranslation();
  const styles = useTabStyles();
  const { config } = useAppServices();
  const register = useRegister();
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{t('app.title')}</h1>
      <div className={styles.switcher}>
        <PersonaSwitcher />
      </div>
      {register.status === 'loading' && <Loading />}
      {register.status === 'done' && !register.value.ok && (
        <GraphErrorBar error={register.value.error} url={config.graph.baseUrl} />
      )}
      {register.status === 'done' && register.value.ok && (
        <>
          <RegisterProblems invalid={register.value.value.invalid} />
          <Views entries={register.value.value.entries} />
        </>
      )}
    </main>
  );
}

function Views({ entries: read }: { entries: RegisterEntry[] }) {
  const { t } = useTranslation();
  const styles = useTabStyles();
  const { userPrincipalName } = useAppServices();
  const me = userPrincipalName ?? '';
  // Rows written from this tab (a new deputy, or the current row after a conflict) replace what was read.
  const [changed, setChanged] = useState<ReadonlyMap<string, RegisterEntry>>(new Map());
  const entries = useMemo(() => read.map((entry) => changed.get(entry.itemId) ?? entry), [read, changed]);
  const onEntryChanged = useCallback(
    (entry: RegisterEntry) => setChanged((map) => new Map(map).set(entry.itemId, entry)),
    [],
  );
  const mine = useMemo(() => coveredMailboxes(entries, me), [entries, me]);
  // The sync store follows the covered mailboxes (not their deputies): a new deputy needs no resync.
  const syncKeyEntries = useMemo(() => coveredMailboxes(read, me).map(({ entry }) => entry), [read, me]);
  const store = useMailboxSync(syncKeyEntries);
  const managed = useMemo(
    () => entries.filter((entry) => entry.manager?.toLowerCase() === me),
    [entries, me],
  );
  const [view, setView] = useState<View>('mine');
  const views: View[] = managed.length > 0 ? ['mine', 'coverage', 'statistics'] : ['mine', 'statistics'];
  const current = views.includes(view) ? view : 'mine';
  return (
    <>
      <Tabs<View>
        tabs={views.map((v) => ({ value: v, label: t(`teams.nav.${v}`), testId: `nav-${v}` }))}
        selected={current}
        onSelect={setView}
        label={t('teams.nav.label')}
        idPrefix="tab"
        panelPrefix="panel"
        testId="teams-nav"
      />
      <section
        role="tabpanel"
        id={`panel-${current}`}
        aria-labelledby={`tab-${current}`}
        className={styles.panel}
      >
        <h2 id="overview-heading" className={styles.heading}>
          {t(`teams.nav.${current}`)}
        </h2>
        {current === 'mine' && <OwnerView mine={mine} store={store} onEntryChanged={onEntryChanged} />}
        {current === 'coverage' && <ManagerView managed={managed} />}
        {current === 'statistics' && <StatisticsView store={store} hasMailboxes={mine.length > 0} />}
      </section>
    </>
  );
}
