import { demoRegisterDefaults } from '../demo/mailboxes.ts';
import { createPrng } from '../demo/prng.ts';
import type { Prng } from '../demo/prng.ts';
import { registerColumns } from '../demo/registerColumns.ts';
import { exchangeId, guid, randomFromName } from '../model/ids.ts';
import type { EmailAddressState, FlagState, LastVerb, MessageState, UserState } from '../model/types.ts';
import { Tenant } from '../tenant.ts';
import { toGraphInstant } from '../time.ts';

/**
 * A large, synthetic municipality for benchmarks: many shared mailboxes with years of mail, and a
 * register (same site, list and columns as the demo) in which ONE person — `syntheticPersonaUpn` —
 * is deputy of every mailbox, and one manager — `syntheticManagerUpn` — is manager of every
 * mailbox. Deterministic for a seed and `now`; builds 200,000 messages in a few seconds.
 */

export const syntheticDomain = 'storsjo.example';
/** The staff persona: deputy of every mailbox, so one sign-in covers them all. */
export const syntheticPersonaUpn = `bevakare@${syntheticDomain}`;
/** The manager persona: the register's manager of every mailbox. */
export const syntheticManagerUpn = `forvaltningschef@${syntheticDomain}`;

export interface SyntheticTenantOptions {
  seed?: number;
  /** The instant the tenant is generated for; messages are spread over the two years before it. */
  now: string;
  /** Shared mailboxes (default 100). */
  mailboxes?: number;
  /** Messages per mailbox, over all folders (default 2000). */
  messagesPerMailbox?: number;
  /** People in the directory, the two personas included (default: half the mailboxes, at least 20). */
  people?: number;
  /** Where the register lives (default: the demo's, which config.json names). */
  register?: { siteId: string; listId: string };
  /** How far back mail goes, in days (default 730). */
  historyDays?: number;
  /** The tenant clock for writes (default: frozen at `now`). */
  clock?: () => string;
}

const DAY = 86_400_000;

const givenNames = [
  'Anna',
  'Björn',
  'Cecilia',
  'Daniel',
  'Elsa',
  'Fredrik',
  'Gunilla',
  'Hampus',
  'Ines',
  'Jonas',
  'Karin',
  'Lars',
  'Malin',
  'Niklas',
  'Olga',
  'Pontus',
  'Rebecka',
  'Simon',
  'Therese',
  'Viktor',
];
const surnames = [
  'Andersson',
  'Berg',
  'Claesson',
  'Dahlberg',
  'Ek',
  'Fors',
  'Granath',
  'Hellström',
  'Ivarsson',
  'Jansson',
  'Kling',
  'Lund',
  'Mårtensson',
  'Nyberg',
  'Ohlsson',
  'Palm',
  'Rydén',
  'Sundqvist',
  'Thorén',
  'Vik',
];
const units = [
  'Kommunledningsförvaltningen',
  'Samhällsbyggnadsförvaltningen',
  'Socialförvaltningen',
  'Utbildningsförvaltningen',
  'Kultur- och fritidsförvaltningen',
  'Miljöförvaltningen',
  'Tekniska förvaltningen',
  'Vård- och omsorgsförvaltningen',
];
const topics = [
  'Bygglov',
  'Miljö',
  'Gata',
  'Skolskjuts',
  'Förskola',
  'Bistånd',
  'Äldreomsorg',
  'Kultur',
  'Fritid',
  'Kundtjänst',
  'Vatten',
  'Avfall',
  'Parkering',
  'Näringsliv',
  'Upphandling',
];
const subjectTemplates = [
  'Fråga om {t}',
  'Ansökan – {t}',
  'Komplettering till ärende {n}',
  'SV: {t}',
  'Synpunkt på {t}',
  'Begäran om allmän handling, {t}',
  'Klagomål: {t}',
  'Tack för hjälpen',
  'Kallelse till möte om {t}',
  'Beslut i ärende {n}',
];
const presets = [
  'mjolby-funktionsbrevlada',
  'mjolby-myndighetsbrevlada',
  'eskilstuna-kundcenter-epost',
  'eskilstuna-verksamhet-epost',
  'eskilstuna-medarbetare-epost',
];
const senderDomains = ['example.com', 'example.se', 'example.net', 'example.org'];

const asciiCache = new Map<string, string>();
const asciiName = (text: string) => {
  let ascii = asciiCache.get(text);
  if (ascii === undefined) {
    ascii = toAscii(text);
    asciiCache.set(text, ascii);
  }
  return ascii;
};
const toAscii = (text: string) =>
  text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]/g, '');

function addPerson(
  tenant: Tenant,
  upn: string,
  givenName: string,
  surname: string,
  jobTitle: string,
  unit: string,
): UserState {
  return tenant.addUser({
    userPrincipalName: upn,
    mail: upn,
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    jobTitle,
    department: unit,
    officeLocation: 'Kommunhuset',
    businessPhones: ['0999-20 00 00'],
    mobilePhone: null,
    kind: 'person',
  });
}

/** `2026-11-17T09:10:00Z` for a whole-second instant, without a regular expression. */
const instant = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

const hexDigits = '0123456789abcdef';
const idBytes = { item: new Uint8Array(70), conversation: new Uint8Array(34) };

/**
 * A fast Exchange-shaped id (`AAMkA…`, URL-safe base64 with padding): 200,000 messages need ids
 * quickly, so bytes come four at a time from one 32-bit draw, into a reused buffer.
 */
function fastId(prng: Prng, kind: 'item' | 'conversation'): string {
  const bytes = idBytes[kind];
  const size = bytes.length;
  bytes[0] = 0x00;
  bytes[1] = kind === 'item' ? 0x03 : 0x04;
  bytes[2] = 0x24;
  bytes[3] = 0x00;
  for (let i = 4; i < size; i += 4) {
    const word = Math.floor(prng.next() * 4294967296);
    bytes[i] = word & 0xff;
    if (i + 1 < size) bytes[i + 1] = (word >>> 8) & 0xff;
    if (i + 2 < size) bytes[i + 2] = (word >>> 16) & 0xff;
    if (i + 3 < size) bytes[i + 3] = (word >>> 24) & 0xff;
  }
  const binary = String.fromCharCode.apply(null, bytes as unknown as number[]);
  return btoa(binary).replace(/[+/]/g, (c) => (c === '+' ? '-' : '_'));
}

function fastHex(prng: Prng, digits: number): string {
  let text = '';
  while (text.length < digits) {
    let word = Math.floor(prng.next() * 4294967296);
    for (let i = 0; i < 8 && text.length < digits; i++, word >>>= 4) text += hexDigits[word & 15];
  }
  return text;
}

interface SyntheticMailbox {
  user: UserState;
  topic: string;
  recipients: EmailAddressState[];
  folders: Record<'inbox' | 'archive' | 'deleteditems', string>;
}

/** One message, built as a complete `MessageState` (one object, fixed shape) and stored directly. */
function addSyntheticMessage(
  tenant: Tenant,
  prng: Prng,
  box: SyntheticMailbox,
  receivedMs: number,
  nowMs: number,
): void {
  const given = prng.pick(givenNames);
  const surname = prng.pick(surnames);
  const domain = prng.pick(senderDomains);
  const from: EmailAddressState = {
    name: `${given} ${surname}`,
    address: `${asciiName(given)}.${asciiName(surname)}${prng.int(1, 99)}@${domain}`,
  };
  const received = instant(receivedMs);
  const subject = prng
    .pick(subjectTemplates)
    .replace('{t}', box.topic.toLowerCase())
    .replace('{n}', `${box.topic.slice(0, 3).toUpperCase()} ${received.slice(0, 4)}/${prng.int(10, 999)}`);
  const ageDays = (nowMs - receivedMs) / DAY;
  const handled = prng.chance(ageDays > 3 ? 0.93 : ageDays > 1 ? 0.6 : 0.3);
  const folder: keyof SyntheticMailbox['folders'] =
    handled && ageDays > 2 && prng.chance(0.1) ? 'archive' : prng.chance(0.01) ? 'deleteditems' : 'inbox';
  let lastModified = received;
  let lastVerbExecuted: LastVerb | null = null;
  let lastVerbExecutionTime: string | null = null;
  let categories: string[] = [];
  let flag: FlagState = { flagStatus: 'notFlagged' };
  let isRead = prng.chance(0.4);
  if (handled) {
    // Handled the way staff do: reply, forward, a handled category or a completed flag.
    const acted = instant(
      Math.floor(Math.min(nowMs, receivedMs + prng.int(10, 2880) * 60_000) / 1000) * 1000,
    );
    isRead = true;
    lastModified = acted;
    const how = prng.next();
    if (how < 0.6) {
      lastVerbExecuted = how < 0.5 ? (prng.chance(0.1) ? 103 : 102) : 104;
      lastVerbExecutionTime = acted;
    } else if (how < 0.85) categories = [prng.chance(0.7) ? 'Hanterad' : 'Diarieförd'];
    else flag = { flagStatus: 'complete', completedDateTime: acted };
  }
  const changeSeq = tenant.nextChangeSeq();
  const message: MessageState = {
    id: fastId(prng, 'item'),
    folderId: box.folders[folder],
    createdDateTime: received,
    lastModifiedDateTime: lastModified,
    receivedDateTime: received,
    sentDateTime: instant(receivedMs - 4000),
    subject,
    from,
    sender: from,
    toRecipients: box.recipients,
    ccRecipients: [],
    isRead,
    flag,
    categories,
    conversationId: fastId(prng, 'conversation'),
    internetMessageId: `<${fastHex(prng, 16)}@${domain}>`,
    hasAttachments: prng.chance(0.25),
    importance: 'normal',
    lastVerbExecuted,
    lastVerbExecutionTime,
    version: 1,
    changeSeq,
    folderSeq: changeSeq,
  };
  box.user.mailbox.messages.set(message.id, message);
}

export function createSyntheticTenant(options: SyntheticTenantOptions): Tenant {
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs))
    throw new Error(`[emulator] createSyntheticTenant: now must be an ISO 8601 instant; got ${options.now}.`);
  const mailboxCount = options.mailboxes ?? 100;
  const perMailbox = options.messagesPerMailbox ?? 2000;
  const peopleCount = Math.max(3, options.people ?? Math.max(20, Math.ceil(mailboxCount / 2)));
  const historyMs = (options.historyDays ?? 730) * DAY;
  const now = toGraphInstant(nowMs);
  const tenant = new Tenant({ clock: options.clock ?? (() => now) });
  const prng = createPrng(options.seed ?? 1);
  const random = () => prng.next();

  const persona = addPerson(tenant, syntheticPersonaUpn, 'Vera', 'Vaksam', 'Handläggare', units[0] ?? '');
  const manager = addPerson(
    tenant,
    syntheticManagerUpn,
    'Margareta',
    'Ledare',
    'Förvaltningschef',
    units[0] ?? '',
  );
  const people: UserState[] = [];
  for (let i = 0; people.length < peopleCount - 2; i++) {
    const given = givenNames[i % givenNames.length] ?? 'Anna';
    const surname = surnames[Math.floor(i / givenNames.length) % surnames.length] ?? 'Andersson';
    const upn = `${asciiName(given)}.${asciiName(surname)}${i >= givenNames.length * surnames.length ? i : ''}@${syntheticDomain}`;
    people.push(addPerson(tenant, upn, given, surname, 'Handläggare', units[i % units.length] ?? ''));
  }

  const site = tenant.addSite({
    id: options.register?.siteId ?? demoRegisterDefaults.siteId,
    displayName: 'Brevlådevakten',
    webUrl: demoRegisterDefaults.siteUrl,
  });
  const listId = options.register?.listId ?? demoRegisterDefaults.listId;
  const list = tenant.addList(site, {
    id: guid(randomFromName(`list:${listId}`)),
    name: listId,
    displayName: demoRegisterDefaults.listDisplayName,
    columns: registerColumns,
  });
  const registrar = { id: manager.id, displayName: manager.displayName, email: manager.mail };
  const trackedSince = new Date(nowMs - historyMs).toISOString().slice(0, 10);

  for (let b = 0; b < mailboxCount; b++) {
    const topic = topics[b % topics.length] ?? 'Kundtjänst';
    const unit = units[b % units.length] ?? '';
    const authority = b % 5 === 4;
    const address = `${asciiName(topic)}${b + 1}@${syntheticDomain}`;
    const mailbox = tenant.addUser({
      userPrincipalName: address,
      mail: address,
      displayName: `${authority ? 'Nämnd' : topic} ${b + 1}`,
      givenName: null,
      surname: null,
      jobTitle: null,
      department: unit,
      officeLocation: 'Kommunhuset',
      businessPhones: [],
      mobilePhone: null,
      kind: 'sharedMailbox',
    });
    const owner = people[b % people.length] ?? persona;
    for (const person of [owner, persona, manager]) mailbox.mailbox.fullAccess.add(person.id);
    tenant.addListItem(list, {
      createdDateTime: toGraphInstant(nowMs - historyMs),
      createdBy: registrar,
      fields: {
        Title: mailbox.displayName,
        Address: address,
        Kind: authority ? 'authority' : 'function',
        Unit: unit,
        Owner: owner.mail,
        Deputy: persona.mail,
        Manager: manager.mail,
        PolicyPreset: authority
          ? 'mjolby-myndighetsbrevlada'
          : (presets[b % presets.length] ?? 'mjolby-funktionsbrevlada'),
        OpeningHours: null,
        TrackedSince: trackedSince,
      },
    });

    const synthetic: SyntheticMailbox = {
      user: mailbox,
      topic,
      recipients: [{ name: mailbox.displayName, address: mailbox.mail }],
      folders: {
        inbox: tenant.wellKnownFolder(mailbox, 'inbox').id,
        archive: tenant.wellKnownFolder(mailbox, 'archive').id,
        deleteditems: tenant.wellKnownFolder(mailbox, 'deleteditems').id,
      },
    };
    const times = new Float64Array(perMailbox);
    // Denser towards now: mail volumes grow, and the recent weeks matter most.
    for (let i = 0; i < perMailbox; i++)
      times[i] = Math.floor((nowMs - 60_000 - prng.next() ** 1.6 * historyMs) / 1000) * 1000;
    times.sort();
    for (const receivedMs of times) addSyntheticMessage(tenant, prng, synthetic, receivedMs, nowMs);
  }

  // A few people out of office this week, for coverage views.
  for (const person of people) {
    if (!prng.chance(0.06)) continue;
    const start = nowMs - prng.int(0, 3) * DAY;
    person.mailbox.events.push({
      id: exchangeId(random, 'item'),
      subject: 'Ledig',
      start: toGraphInstant(Math.floor(start / DAY) * DAY),
      end: toGraphInstant(Math.floor(start / DAY) * DAY + prng.int(2, 6) * DAY),
      status: 'oof',
      isAllDay: true,
      isPrivate: false,
    });
  }

  tenant.personas.push(
    {
      upn: persona.userPrincipalName,
      role: 'staff',
      description: 'Ersättare för alla brevlådor (syntetisk)',
    },
    {
      upn: (people[0] ?? persona).userPrincipalName,
      role: 'owner',
      description: 'Ansvarig för några brevlådor (syntetisk)',
    },
    { upn: manager.userPrincipalName, role: 'manager', description: 'Chef för alla brevlådor (syntetisk)' },
  );
  tenant.defaultUserId = persona.id;
  return tenant;
}
