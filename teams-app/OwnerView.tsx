import { useMemo, useState } from 'react';
import { Button, Card, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useTranslation } from '../shared/i18n/react.tsx';
import type { CoverageGridRow, CoverageFinding, RegisterEntry, coveredMailboxes } from '../shared/domain/index.ts';
import type { SyncStore } from '../shared/graph/index.ts';
import { dateLocale, formatDateTime, useAppServices } from '../shared/ui/index.ts';
import { autoReplyNow, describeFinding, useCoverage } from '../shared/ui/teams/index.ts';
import type { CoverageSnapshot } from '../shared/ui/teams/index.ts';
import { DeputyPicker } from './DeputyPicker.tsx';
import { MailboxOverview } from './MailboxOverview.tsx';
import { formatDay } from './formatDay.ts';
import { useOwnerViewStyles } from './OwnerView.styles.ts';

type Mine = ReturnType<typeof coveredMailboxes>;

/** "Mina brevlådor": deadlines of the user's mailboxes, and who covers each of them. */
export function OwnerView({ mine, store, onEntryChanged }: { mine: Mine; store: SyncStore; onEntryChanged(entry: RegisterEntry): void }) {
  const { t } = useTranslation();
  const styles = useOwnerViewStyles();
  const entries = useMemo(() => mine.map(({ entry }) => entry), [mine]);
  const coverage = useCoverage(entries, store.runner);
  if (mine.length === 0) return <Text>{t('register.noMailboxes')}</Text>;
  return (
    <>
      <MailboxOverview mine={mine} store={store} />
      <h3 id="cover-heading" className={styles.sectionHeading}>
        {t('teams.owner.coverHeading')}
      </h3>
      {coverage.snapshot === null ? (
        <Spinner label={t('teams.loadingCoverage')} />
      ) : (
        <div className={styles.cards} data-testid="owner-cards" aria-busy={coverage.loading}>
          {mine.map(({ entry, role }) => (
            <MailboxCoverageCard
              key={entry.address}
              entry={entry}
              role={role}
              snapshot={coverage.snapshot!}
              onEntryChanged={onEntryChanged}
            />
          ))}
        </div>
      )}
    </>
  );
}

function MailboxCoverageCard({
  entry,
  role,
  snapshot,
  onEntryChanged,
}: {
  entry: RegisterEntry;
  role: 'owner' | 'deputy';
  snapshot: CoverageSnapshot;
  onEntryChanged(entry: RegisterEntry): void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useOwnerViewStyles();
  const { config } = useAppServices();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const locale = dateLocale(i18n.language);
  const zone = config.organisation.calendar.timeZone ?? 'Europe/Stockholm';
  const at = (iso: string) => formatDateTime(iso, locale, zone);
  const address = entry.address.toLowerCase();
  const row: CoverageGridRow | undefined = snapshot.result.grid.find((r) => r.mailbox === address);
  const findings: CoverageFinding[] = snapshot.result.findings.filter((f) => f.mailbox === address);
  const fresh = snapshot.entries.some((e) => e.itemId === entry.itemId && e.deputy === entry.deputy && e.owner === entry.owner);
  const today = snapshot.calendar.formatInstant(snapshot.nowMs).slice(0, 10);
  const people = [
    { address: entry.owner, role: 'owner' as const },
    ...(entry.deputy && entry.deputy !== entry.owner ? [{ address: entry.deputy, role: 'deputy' as const }] : []),
  ].filter((p): p is { address: string; role: 'owner' | 'deputy' } => p.address !== null);

  return (
    <Card className={styles.card} data-testid="owner-card" data-address={address} aria-labelledby={`card-${entry.itemId}`}>
      <h4 id={`card-${entry.itemId}`} className={styles.cardTitle}>
        {entry.displayName} <span className={styles.muted}>({t(`mailbox.role_${role}`)})</span>
      </h4>
      <ul className={styles.people}>
        {people.map((person) => {
          const name = snapshot.data.people[person.address]?.displayName ?? person.address;
          const awayDays = row?.days.filter((day) => day.away.includes(person.address)).map((day) => day.date) ?? [];
          const todayRow = row?.days.find((day) => day.date === today);
          const reply = autoReplyNow(snapshot.data.autoReplies[person.address], snapshot.nowMs);
          const isMe = person.role === role;
          return (
            <li key={person.role} data-testid={`person-${person.role}`} data-person={person.address}>
              <Text weight="semibold">
                {t(`mailbox.role_${person.role}`)}: {name}
                {isMe ? ` ${t('teams.owner.you')}` : ''}
              </Text>
              <div>
                {!fresh
                  ? t('teams.loadingCoverage')
                  : todayRow === undefined
                    ? t('teams.presence.notWorkingDay')
                    : todayRow.away.includes(person.address)
                      ? t('teams.presence.awayToday')
                      : t('teams.presence.inToday')}
              </div>
              <div data-testid="away-days">
                {awayDays.length === 0
                  ? t('teams.presence.noAbsence', { days: row?.days.length ?? 0 })
                  : t('teams.presence.awayDays', {
                      count: awayDays.length,
                      days: awayDays.map((d) => formatDay(d, locale)).join(', '),
                    })}
              </div>
              <div data-testid="auto-reply">
                {reply.kind === 'unknown' && t('teams.autoReply.unknown')}
                {reply.kind === 'off' && t('teams.autoReply.off')}
                {reply.kind === 'on' &&
                  (reply.until ? t('teams.autoReply.onUntil', { until: at(reply.until) }) : t('teams.autoReply.on'))}
                {reply.kind === 'scheduled' &&
                  t('teams.autoReply.scheduled', { from: reply.from ? at(reply.from) : '–', until: reply.until ? at(reply.until) : '–' })}
                {(reply.kind === 'on' || reply.kind === 'scheduled') && reply.text && (
                  <blockquote className={styles.reply} data-testid="auto-reply-text" style={{ margin: 0 }}>
                    ”{reply.text}”
                  </blockquote>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {fresh && findings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="owner-findings">
          <MessageBarBody>
            <ul className={styles.findings}>
              {findings.map((finding, i) => (
                <li key={i} data-kind={finding.kind}>
                  {describeFinding(finding, t, at)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="deputy-notice" role="status">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {role === 'owner' &&
        (editing ? (
          <DeputyPicker
            entry={entry}
            onCancel={() => setEditing(false)}
            onDone={(outcome) => {
              setEditing(false);
              if (outcome.kind === 'saved') {
                setNotice({ intent: 'success', text: t('teams.deputy.saved', { name: outcome.name }) });
                onEntryChanged(outcome.entry);
              } else if (outcome.kind === 'conflict') {
                setNotice({
                  intent: 'warning',
                  text: t('teams.deputy.conflict', { current: outcome.current?.deputy ?? t('teams.deputy.nobody') }),
                });
                if (outcome.current) onEntryChanged(outcome.current);
              } else {
                setNotice({ intent: 'error', text: t('teams.deputy.failed', { message: outcome.message }) });
              }
            }}
          />
        ) : (
          <div>
            <Button onClick={() => { setNotice(null); setEditing(true); }} data-testid="change-deputy">
              {entry.deputy && entry.deputy !== entry.owner
                ? t('teams.deputy.change', { mailbox: entry.displayName })
                : t('teams.deputy.nominate', { mailbox: entry.displayName })}
            </Button>
          </div>
        ))}
    </Card>
  );
}
