import { at, demoUnits } from './organisation.ts';
import type { UnitKey } from './organisation.ts';

/**
 * The shared mailboxes of Sjöby kommun, as the register lists them: 10 function mailboxes
 * (medborgarservice included) and one authority mailbox per committee, across four units.
 */

/** Subject families for generated mail; see `subjects.ts`. */
export type MailTopic =
  | 'bygglov'
  | 'miljo'
  | 'gata'
  | 'byggnadsnamnd'
  | 'socialtjanst'
  | 'bistand'
  | 'aldreomsorg'
  | 'socialnamnd'
  | 'forskola'
  | 'skolskjuts'
  | 'bunamnd'
  | 'kontaktcenter';

export interface DemoMailbox {
  address: string;
  title: string;
  kind: 'function' | 'authority';
  unit: UnitKey;
  owner: string | null;
  deputy: string | null;
  preset:
    | 'mjolby-funktionsbrevlada'
    | 'mjolby-myndighetsbrevlada'
    | 'eskilstuna-kundcenter-epost'
    | 'eskilstuna-verksamhet-epost'
    | 'eskilstuna-medarbetare-epost';
  /** The register's `OpeningHours` override (JSON text), if any. */
  openingHours?: string;
  topic: MailTopic;
  /** How long before `now` the mailbox entered the register (`TrackedSince`). */
  trackedForDays: number;
  officeLocation: string;
}

function mailbox(
  input: Omit<DemoMailbox, 'address' | 'owner' | 'deputy' | 'officeLocation'> & {
    local: string;
    owner: string | null;
    deputy: string | null;
  },
): DemoMailbox {
  const { local, owner, deputy, ...rest } = input;
  const unit = demoUnits.find((u) => u.key === input.unit);
  return {
    ...rest,
    address: at(local),
    owner: owner === null ? null : at(owner),
    deputy: deputy === null ? null : at(deputy),
    officeLocation: unit?.officeLocation ?? '',
  };
}

export const demoMailboxes: readonly DemoMailbox[] = [
  mailbox({
    local: 'bygglov',
    title: 'Bygglov',
    kind: 'function',
    unit: 'sbf',
    owner: 'oskar.nilsson',
    deputy: 'elin.berg',
    preset: 'mjolby-funktionsbrevlada',
    topic: 'bygglov',
    trackedForDays: 150,
  }),
  mailbox({
    local: 'miljo',
    title: 'Miljö och hälsoskydd',
    kind: 'function',
    unit: 'sbf',
    owner: 'fatima.hassan',
    deputy: 'elin.berg',
    preset: 'eskilstuna-verksamhet-epost',
    topic: 'miljo',
    trackedForDays: 150,
  }),
  mailbox({
    local: 'gata-park',
    title: 'Gata och park',
    kind: 'function',
    unit: 'sbf',
    owner: 'mikael.sandberg',
    deputy: null,
    preset: 'mjolby-funktionsbrevlada',
    topic: 'gata',
    trackedForDays: 120,
  }),
  mailbox({
    local: 'byggnadsnamnden',
    title: 'Byggnadsnämnden',
    kind: 'authority',
    unit: 'sbf',
    owner: 'sara.lindgren',
    deputy: 'elin.berg',
    preset: 'mjolby-myndighetsbrevlada',
    topic: 'byggnadsnamnd',
    trackedForDays: 150,
  }),
  mailbox({
    local: 'socialtjanst',
    title: 'Socialtjänstens mottagning',
    kind: 'function',
    unit: 'soc',
    owner: 'anna.johansson',
    deputy: 'ali.yilmaz',
    preset: 'eskilstuna-verksamhet-epost',
    topic: 'socialtjanst',
    trackedForDays: 150,
  }),
  mailbox({
    local: 'ekonomiskt-bistand',
    title: 'Ekonomiskt bistånd',
    kind: 'function',
    unit: 'soc',
    owner: 'anna.johansson',
    deputy: 'lars.persson',
    preset: 'eskilstuna-medarbetare-epost',
    topic: 'bistand',
    trackedForDays: 150,
  }),
  mailbox({
    local: 'aldreomsorg',
    title: 'Äldreomsorg',
    kind: 'function',
    unit: 'soc',
    owner: 'birgitta.nystrom',
    deputy: 'henrik.forsberg',
    preset: 'mjolby-funktionsbrevlada',
    topic: 'aldreomsorg',
    trackedForDays: 150,
  }),
  mailbox({
    local: 'socialnamnden',
    title: 'Socialnämnden',
    kind: 'authority',
    unit: 'soc',
    owner: 'anna.johansson',
    deputy: 'emma.wikstrom',
    preset: 'mjolby-myndighetsbrevlada',
    topic: 'socialnamnd',
    trackedForDays: 150,
  }),
  mailbox({
    local: 'forskola',
    title: 'Förskoleplacering',
    kind: 'function',
    unit: 'buf',
    owner: 'johan.karlsson',
    deputy: 'nora.ahmadi',
    preset: 'eskilstuna-verksamhet-epost',
    openingHours: '{"fri":"08:00-12:00"}',
    topic: 'forskola',
    trackedForDays: 150,
  }),
  mailbox({
    local: 'skolskjuts',
    title: 'Skolskjuts',
    kind: 'function',
    unit: 'buf',
    owner: 'peter.strand',
    deputy: 'peter.strand',
    preset: 'eskilstuna-medarbetare-epost',
    topic: 'skolskjuts',
    trackedForDays: 150,
  }),
  mailbox({
    local: 'barn-och-utbildningsnamnden',
    title: 'Barn- och utbildningsnämnden',
    kind: 'authority',
    unit: 'buf',
    owner: 'ida.magnusson',
    deputy: 'nora.ahmadi',
    preset: 'mjolby-myndighetsbrevlada',
    topic: 'bunamnd',
    trackedForDays: 150,
  }),
  mailbox({
    local: 'kontaktcenter',
    title: 'Kontaktcenter',
    kind: 'function',
    unit: 'klf',
    owner: 'sofia.bjork',
    deputy: 'erik.dahl',
    preset: 'eskilstuna-kundcenter-epost',
    openingHours: '{"mon":"08:00-18:00"}',
    topic: 'kontaktcenter',
    trackedForDays: 7,
  }),
  mailbox({
    local: 'medborgarservice',
    title: 'Medborgarservice',
    kind: 'function',
    unit: 'klf',
    owner: 'erik.dahl',
    deputy: 'hanna.oberg',
    preset: 'eskilstuna-kundcenter-epost',
    topic: 'kontaktcenter',
    trackedForDays: 150,
  }),
];

/** The register site and list when no configuration is given (they match config.json). */
export const demoRegisterDefaults = {
  siteId: 'sjoby.sharepoint.com,6f0e3b9a-2d1c-4b8e-9a51-0c2f7d3e1a11,8b2d4c6e-1f3a-4d5b-9e7c-2a4b6c8d0e12',
  listId: 'brevladregister',
  listDisplayName: 'Brevlådor',
  siteUrl: 'https://sjoby.sharepoint.com/sites/brevladevakten',
} as const;
