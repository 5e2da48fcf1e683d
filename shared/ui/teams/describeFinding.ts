import type { TFunction } from '../../i18n/index.ts';
import type { CoverageFinding } from '../../domain/index.ts';

/** Formats an ISO instant for people (in the organisation's zone). */
export type InstantFormatter = (iso: string) => string;

/** One finding in words: what is wrong, about whom, and when. */
export function describeFinding(finding: CoverageFinding, t: TFunction, at: InstantFormatter): string {
  switch (finding.kind) {
    case 'noOwner':
      return t('teams.finding.noOwner');
    case 'noDeputy':
      return t('teams.finding.noDeputy');
    case 'ownerIsDeputy':
      return t('teams.finding.ownerIsDeputy', { name: finding.person.name });
    case 'personNotFound':
      return t('teams.finding.personNotFound', { name: finding.name, role: t(`mailbox.role_${finding.role}`) });
    case 'personDisabled':
      return t('teams.finding.personDisabled', { name: finding.name, role: t(`mailbox.role_${finding.role}`) });
    case 'awayWithoutAutoReply':
      return t('teams.finding.awayWithoutAutoReply', {
        name: finding.name,
        from: at(finding.awayFrom),
        until: at(finding.awayUntil),
      });
    case 'autoReplyNamesNeitherDeputyNorMailbox':
      return t('teams.finding.autoReplyNamesNeither', {
        name: finding.name,
        other: finding.shouldName?.name ?? finding.mailbox,
      });
    case 'dormantMailbox':
      return finding.lastIncoming === null
        ? t('teams.finding.dormantNever')
        : t('teams.finding.dormant', { days: finding.daysWithoutMail ?? 0, last: at(finding.lastIncoming) });
    case 'bothAway':
      return t('teams.finding.bothAway', {
        owner: finding.owner.name,
        deputy: finding.deputy.name,
        from: at(finding.start),
        until: at(finding.end),
      });
  }
}
