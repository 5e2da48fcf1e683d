import type { TFunction } from '../i18n/index.ts';
import type { DeadlinePolicy } from '../domain/index.ts';

/** The mailbox's response-time rule in plain language. */
export function describePolicy(policy: DeadlinePolicy, t: TFunction): string {
  switch (policy.kind) {
    case 'sameOrNextWorkingDay':
      return t('policy.sameOrNextWorkingDay');
    case 'workingDays':
      return t('policy.workingDays', { count: policy.days });
    case 'openingHours':
      return t('policy.openingHours', { count: policy.minutes });
    default:
      return policy satisfies never;
  }
}
