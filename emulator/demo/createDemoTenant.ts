import { createWorkCalendar, mergeCalendarOptions, policyPresets } from '../../shared/domain/index.ts';
import type { WorkCalendarOptions } from '../../shared/domain/index.ts';
import { guid, randomFromName } from '../model/ids.ts';
import { Tenant } from '../tenant.ts';
import { localParts, toGraphInstant, zonedInstant, addDays } from '../time.ts';
import type { EmailAddressState, IdentityState, UserState } from '../model/types.ts';
import { plantAbsences } from './absences.ts';
import { generateMailboxMessages } from './generateMailboxMessages.ts';
import type { MailboxPlan } from './generateMailboxMessages.ts';
import { addPersonalMail } from './personalMail.ts';
import { demoMailboxes, demoRegisterDefaults } from './mailboxes.ts';
import { demoPeople, demoUnits } from './organisation.ts';
import { demoPersonas } from './personas.ts';
import { demoPlantedProblems } from './plantedProblems.ts';
import { createPrng } from './prng.ts';
import { registerColumns } from './registerColumns.ts';

/** The organisation calendar of config.json (`organisation.calendar`); the CLI passes the file's own. */
export const demoCalendarOptions: WorkCalendarOptions = {
  timeZone: 'Europe/Stockholm',
  openingHours: {
    mon: '08:00-17:00',
    tue: '08:00-17:00',
    wed: '08:00-17:00',
    thu: '08:00-17:00',
    fri: '08:00-16:00',
    sat: null,
    sun: null,
  },
  closedDates: ['2026-05-15', '2027-05-07'],
  shortDays: { '2026-01-05': '12:00', '2026-04-30': '12:00', '2027-01-05': '12:00' },
  evesAreWorkingDays: false,
};

export interface DemoTenantOptions {
  /** Varies the generated mail; the people and mailboxes stay the same. Default 1. */
  seed?: number;
  /** The instant the demo is generated for (ISO 8601). Message times are relative to it. */
  now: string;
  /** `organisation.calendar` of the configuration. Default: `demoCalendarOptions`. */
  calendar?: WorkCalendarOptions;
  /** `register` of the configuration: where the mailbox register list lives. */
  register?: { siteId: string; listId: string };
  /** `organisation.handledCategories`. Default `Hanterad`, `Diarieförd`. */
  handledCategories?: readonly string[];
  /** The tenant's clock for writes. Default: frozen at `now`, so the tenant is fully deterministic. */
  clock?: () => string;
}

const phone = (extension: string) => `0999-10 ${extension.slice(0, 2)} ${extension.slice(2)}`;

function addPeople(tenant: Tenant): void {
  demoPeople.forEach((person, index) => {
    const unit = demoUnits.find((u) => u.key === person.unit);
    tenant.addUser({
      userPrincipalName: person.upn,
      mail: person.upn,
      displayName: `${person.givenName} ${person.surname}`,
      givenName: person.givenName,
      surname: person.surname,
      jobTitle: person.jobTitle,
      department: unit?.name ?? null,
      officeLocation: unit?.officeLocation ?? null,
      businessPhones: [phone(person.extension)],
      // PTS reserves 070-174 06 05 … 070-174 06 99 for fiction.
      mobilePhone: `070-174 06 ${String(5 + index).padStart(2, '0')}`,
      accountEnabled: person.accountEnabled ?? true,
      kind: 'person',
    });
  });
}

function addMailboxUsers(tenant: Tenant): void {
  for (const box of demoMailboxes) {
    const unit = demoUnits.find((u) => u.key === box.unit);
    const mailbox = tenant.addUser({
      userPrincipalName: box.address,
      mail: box.address,
      displayName: box.title,
      givenName: null,
      surname: null,
      jobTitle: null,
      department: unit?.name ?? null,
      officeLocation: box.officeLocation,
      businessPhones: [],
      mobilePhone: null,
      kind: 'sharedMailbox',
    });
    // Full Access as an administrator would grant it: owner, deputy and the unit's manager.
    for (const upn of [box.owner, box.deputy, unit?.manager]) {
      const person = upn ? tenant.findUser(upn) : undefined;
      if (person) mailbox.mailbox.fullAccess.add(person.id);
    }
  }
}

/** Plans about 23 Inbox messages per mailbox: ~300 in all, every state represented. */
function planFor(seedPrng: ReturnType<typeof createPrng>, address: string): MailboxPlan {
  return {
    overdue: seedPrng.int(3, 5),
    approaching: seedPrng.int(2, 3),
    ok: seedPrng.int(4, 6),
    handled: seedPrng.int(10, 13),
    moved: seedPrng.int(2, 4),
    beforeTracking:
      address === demoPlantedProblems.messagesBeforeTrackedSince.mailbox
        ? demoPlantedProblems.messagesBeforeTrackedSince.count
        : 0,
  };
}

function addRegister(
  tenant: Tenant,
  options: { siteId: string; listId: string },
  trackedSince: Map<string, string>,
  nowIso: string,
  zone: string,
): void {
  const site = tenant.addSite({
    id: options.siteId,
    displayName: 'Brevlådevakten',
    webUrl: demoRegisterDefaults.siteUrl,
  });
  const list = tenant.addList(site, {
    id: guid(randomFromName(`list:${options.listId}`)),
    name: options.listId,
    displayName: demoRegisterDefaults.listDisplayName,
    columns: registerColumns,
  });
  const registrar = tenant.findUser('maja.engstrom@sjoby.example');
  const createdBy: IdentityState = registrar
    ? { id: registrar.id, displayName: registrar.displayName, email: registrar.mail }
    : {
        id: guid(randomFromName('registrar')),
        displayName: 'Registrator',
        email: 'registrator@sjoby.example',
      };
  for (const box of demoMailboxes) {
    const since = trackedSince.get(box.address) ?? localParts(nowIso, zone).date;
    const unit = demoUnits.find((u) => u.key === box.unit);
    tenant.addListItem(list, {
      createdDateTime: zonedInstant(since, '09:00', zone),
      createdBy,
      fields: {
        Title: box.title,
        Address: box.address,
        Kind: box.kind,
        Unit: unit?.name ?? '',
        Owner: box.owner,
        Deputy: box.deputy,
        Manager: unit?.manager ?? null,
        PolicyPreset: box.preset,
        OpeningHours: box.openingHours ?? null,
        TrackedSince: since,
      },
    });
  }
}

/**
 * Sjöby kommun as a Microsoft 365 tenant at `now`: people, shared function and authority mailboxes
 * with mail in every deadline state, calendars and automatic replies with planted coverage
 * problems, and the mailbox register list. Deterministic for a given `seed` and `now`; reads no
 * clock and no `Math.random`.
 */
export function createDemoTenant(options: DemoTenantOptions): Tenant {
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs))
    throw new Error(
      `[emulator] createDemoTenant: \`now\` must be an ISO 8601 instant; got ${JSON.stringify(options.now)}.`,
    );
  const now = toGraphInstant(nowMs);
  const orgCalendar = options.calendar ?? demoCalendarOptions;
  const handledCategories = options.handledCategories ?? ['Hanterad', 'Diarieförd'];
  const tenant = new Tenant({ clock: options.clock ?? (() => now) });
  const prng = createPrng(options.seed ?? 1);

  addPeople(tenant);
  addMailboxUsers(tenant);

  const zone = createWorkCalendar(orgCalendar).timeZone;
  const today = localParts(now, zone).date;
  const trackedSince = new Map<string, string>();
  const colleagues: EmailAddressState[] = demoPeople
    .filter((p) => p.accountEnabled !== false)
    .map((p) => ({ name: `${p.givenName} ${p.surname}`, address: p.upn }));

  for (const box of demoMailboxes) {
    const since = addDays(today, -box.trackedForDays);
    trackedSince.set(box.address, since);
    const override = box.openingHours
      ? { openingHours: JSON.parse(box.openingHours) as WorkCalendarOptions['openingHours'] }
      : null;
    const calendar = createWorkCalendar(mergeCalendarOptions(orgCalendar, override));
    const policy = policyPresets[box.preset];
    if (!policy)
      throw new Error(`[emulator] Demo mailbox ${box.address} names an unknown policy preset ${box.preset}.`);
    const mailbox = tenant.findUser(box.address) as UserState;
    const generated = generateMailboxMessages({
      prng,
      mailbox: box,
      calendar,
      policy,
      nowMs,
      trackedSinceMs: Date.parse(zonedInstant(since, '00:00', calendar.timeZone)),
      plan: planFor(prng, box.address),
      handledCategories,
      colleagues: colleagues.filter((c) => c.address !== box.owner && c.address !== box.deputy),
    });
    generated.sort((a, b) => a.message.receivedDateTime.localeCompare(b.message.receivedDateTime));
    for (const { folder, message } of generated) tenant.addMessage(mailbox, folder, message);
  }

  addPersonalMail(tenant, prng, nowMs);
  plantAbsences(tenant, createWorkCalendar(orgCalendar), now);
  addRegister(tenant, options.register ?? demoRegisterDefaults, trackedSince, now, zone);

  for (const persona of demoPersonas) tenant.personas.push({ ...persona });
  const defaultPersona = demoPersonas[0];
  tenant.defaultUserId = defaultPersona ? (tenant.findUser(defaultPersona.upn)?.id ?? null) : null;
  return tenant;
}
