import { useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useTranslation } from '../shared/i18n/react.tsx';
import type { TFunction } from '../shared/i18n/index.ts';
import type { CoverageFinding, RegisterEntry } from '../shared/domain/index.ts';
import { createBatchRunner, createLimiter } from '../shared/graph/index.ts';
import { dateLocale, formatDateTime, useAppServices } from '../shared/ui/index.ts';
import {
  coverageGridModel,
  describeFinding,
  findingsCsv,
  findingsFor,
  gridCsv,
  useCoverage,
} from '../shared/ui/teams/index.ts';
import type { CoverageCsvLabels } from '../shared/ui/teams/index.ts';
import { CoverageGrid } from './CoverageGrid.tsx';
import { downloadText } from './downloadText.ts';
import { useManagerViewStyles } from './ManagerView.styles.ts';

const PAGE = 50;

function csvLabels(t: TFunction): CoverageCsvLabels {
  return {
    mailbox: t('tab.mailbox'),
    address: t('teams.csv.address'),
    unit: t('teams.manager.unit'),
    severityHeading: t('teams.csv.severity'),
    kindHeading: t('teams.csv.kind'),
    description: t('teams.csv.description'),
    people: t('teams.csv.people'),
    severity: (severity) => t(`teams.severity.${severity}`),
    kind: (kind) => t(`teams.kind.${kind}`),
    status: (status) => t(`teams.grid.${status}`),
  };
}

/** "Bevakning": coverage of every mailbox of the units the user manages, as a grid and as findings. */
export function ManagerView({ managed }: { managed: readonly RegisterEntry[] }) {
  const { t, i18n } = useTranslation();
  const styles = useManagerViewStyles();
  const { graph, tokens: tokenProvider, config } = useAppServices();
  // Its own runner (same ≤ 4 in flight as the sync layer): the managed mailboxes are not synced.
  const runner = useMemo(
    () => createBatchRunner({ client: graph, tokens: tokenProvider, limiter: createLimiter(4) }),
    [graph, tokenProvider],
  );
  const coverage = useCoverage(managed, runner);
  const units = useMemo(() => [...new Set(managed.map((e) => e.unit).filter((u) => u !== ''))].sort(), [managed]);
  const [unit, setUnit] = useState('');
  const [shown, setShown] = useState(PAGE);
  const locale = dateLocale(i18n.language);
  const zone = config.organisation.calendar.timeZone ?? 'Europe/Stockholm';
  const at = (iso: string) => formatDateTime(iso, locale, zone);

  const snapshot = coverage.snapshot;
  const view = useMemo(() => {
    if (!snapshot) return null;
    const entries = snapshot.entries.filter((e) => unit === '' || e.unit === unit);
    const addresses = new Set(entries.map((e) => e.address.toLowerCase()));
    const grid = coverageGridModel(entries, { ...snapshot.result, grid: snapshot.result.grid.filter((r) => addresses.has(r.mailbox)) }, snapshot.data.people);
    return { entries, grid, findings: findingsFor(snapshot.result.findings, addresses) };
  }, [snapshot, unit]);

  const describe = (finding: CoverageFinding) => describeFinding(finding, t, at);
  const stamp = snapshot ? snapshot.calendar.formatInstant(snapshot.nowMs).slice(0, 10) : '';

  return (
    <>
      <div className={styles.toolbar}>
        <Field label={t('teams.manager.unit')} className={styles.filter}>
          <Select value={unit} onChange={(_, data) => { setUnit(data.value); setShown(PAGE); }} data-testid="unit-filter">
            <option value="">{t('teams.manager.allUnits')}</option>
            {units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
        {view && (
          <>
            <Button
              icon={<ArrowDownloadRegular />}
              data-testid="export-findings"
              onClick={() => downloadText(`avvikelser-${stamp}.csv`, findingsCsv(view.findings, csvLabels(t), describe))}
            >
              {t('teams.manager.exportFindings')}
            </Button>
            <Button
              icon={<ArrowDownloadRegular />}
              data-testid="export-grid"
              onClick={() => downloadText(`tackning-${stamp}.csv`, gridCsv(view.grid, csvLabels(t)))}
            >
              {t('teams.manager.exportGrid')}
            </Button>
          </>
        )}
      </div>
      {!view ? (
        <Spinner label={t('teams.loadingCoverage')} />
      ) : (
        <div aria-busy={coverage.loading} style={{ display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL }}>
          {snapshot && snapshot.data.problems.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t('teams.manager.problems', { count: snapshot.data.problems.length })}{' '}
                {snapshot.data.problems.slice(0, 5).map((p) => `${p.subject} (${p.code})`).join(', ')}
              </MessageBarBody>
            </MessageBar>
          )}
          <Text as="p" data-testid="manager-summary">
            {t('teams.manager.summary', { mailboxes: view.entries.length, findings: view.findings.length })}
          </Text>
          <h3 className={styles.heading}>{t('teams.grid.heading')}</h3>
          <CoverageGrid grid={view.grid} />
          <h3 className={styles.heading} id="findings-heading">
            {t('teams.manager.findingsHeading')}
          </h3>
          {snapshot?.dormancyPending && (
            <Spinner size="tiny" labelPosition="after" label={t('teams.manager.checkingDormant')} data-testid="checking-dormant" />
          )}
          {view.findings.length === 0 ? (
            <Text>{t('teams.manager.noFindings')}</Text>
          ) : (
            <>
              <Table aria-labelledby="findings-heading" data-testid="findings-table" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('tab.mailbox')}</TableHeaderCell>
                    <TableHeaderCell>{t('teams.csv.severity')}</TableHeaderCell>
                    <TableHeaderCell>{t('teams.csv.description')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {view.findings.slice(0, shown).map((finding, i) => (
                    <TableRow key={`${finding.mailbox}-${finding.kind}-${i}`} data-testid="finding" data-kind={finding.kind} data-mailbox={finding.mailbox}>
                      <TableCell>
                        <div>{finding.mailboxName}</div>
                        <div className={styles.address}>{finding.mailbox}</div>
                      </TableCell>
                      <TableCell>
                        <Badge appearance="outline" color={finding.severity === 'error' ? 'danger' : 'warning'}>
                          {t(`teams.severity.${finding.severity}`)}
                        </Badge>
                      </TableCell>
                      <TableCell>{describe(finding)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {shown < view.findings.length && (
                <div>
                  <Button onClick={() => setShown((n) => n + PAGE)}>
                    {t('teams.manager.showMore', { remaining: view.findings.length - shown })}
                  </Button>
                </div>
              )}
            </>
          )}
        </div>
      )}
    </>
  );
}
