import type { DeadlinePolicy } from './DeadlinePolicy.ts';

/**
 * The named policies of rules.md §5. The ids are part of the configuration format (register column
 * `PolicyPreset`): never rename one. Frozen, so a caller cannot change a preset for everybody.
 */
export const policyPresets: Readonly<Record<string, DeadlinePolicy>> = Object.freeze({
  /** Mjölby 3.6.1: function mailboxes are handled the same or the next working day. */
  'mjolby-funktionsbrevlada': Object.freeze({ kind: 'sameOrNextWorkingDay' }),
  /** Mjölby 3.6, 3.6.1: the committee's authority mailbox, checked every working day. */
  'mjolby-myndighetsbrevlada': Object.freeze({ kind: 'sameOrNextWorkingDay' }),
  /** Eskilstuna, "Mål för riktlinjerna": customer centre e-mail within 1 hour of office hours. */
  'eskilstuna-kundcenter-epost': Object.freeze({ kind: 'openingHours', minutes: 60 }),
  /** Eskilstuna, same table: operations answer within 1 working day. */
  'eskilstuna-verksamhet-epost': Object.freeze({ kind: 'workingDays', days: 1 }),
  /** Eskilstuna, same table: individual staff answer within 2 working days. */
  'eskilstuna-medarbetare-epost': Object.freeze({ kind: 'workingDays', days: 2 }),
} satisfies Record<string, DeadlinePolicy>);
