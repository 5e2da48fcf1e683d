// Swedish is the source language: every key here must exist, with a real translation, in en and fi.
export const sv = {
  app: {
    title: 'Brevlådevakten',
    taskpaneTitle: 'Brevlådevakten – mina brevlådor',
    tabTitle: 'Brevlådevakten – översikt',
    loading: 'Laddar …',
    refresh: 'Uppdatera',
    lastUpdated: 'Uppdaterad {{time}}',
    language: 'Språk',
  },
  config: {
    title: 'Konfigurationen går inte att använda',
    intro: 'Appen startar inte förrän konfigurationsfilen är rättad. En administratör behöver ändra följande:',
    loadFailed: 'Konfigurationsfilen {{source}} kunde inte hämtas ({{reason}}).',
  },
  auth: {
    personaLabel: 'Visa som (demoläge)',
    personaHint: 'Demokommunen: byt användare för att se appen som handläggare, brevlådeägare eller chef.',
    role_staff: 'Handläggare',
    role_owner: 'Brevlådeägare',
    role_manager: 'Chef',
    signInFailed: 'Inloggningen misslyckades: {{message}}',
    signedInAs: 'Inloggad som {{name}}',
  },
  graph: {
    error: 'Kunde inte hämta uppgifter från Microsoft Graph ({{status}} {{code}}): {{message}}',
    networkError: 'Microsoft Graph svarar inte på {{url}}. Kontrollera nätverket, eller starta emulatorn med npm start.',
  },
  register: {
    invalidRows_one: '{{count}} rad i brevlåderegistret kunde inte läsas och visas inte:',
    invalidRows_other: '{{count}} rader i brevlåderegistret kunde inte läsas och visas inte:',
    noMailboxes: 'Du är varken ägare eller ersättare för någon brevlåda i registret. Be din chef eller brevlådans ägare att lägga till dig i registret.',
  },
  mailbox: {
    heading: 'Mina brevlådor',
    kind_function: 'Funktionsbrevlåda',
    kind_authority: 'Myndighetsbrevlåda',
    role_owner: 'Ägare',
    role_deputy: 'Ersättare',
    role_manager: 'Chef',
    select: 'Välj brevlåda',
    unit: 'Förvaltning',
    owner: 'Ägare',
    deputy: 'Ersättare',
    missing: 'saknas',
    policy: 'Svarstid',
  },
  messages: {
    heading: 'Inkorgen i {{mailbox}}',
    subject: 'Ämne',
    from: 'Från',
    received: 'Mottaget',
    due: 'Senast',
    state: 'Status',
    empty: 'Inkorgen är tom.',
    noSubject: '(inget ämne)',
    count_one: '{{count}} meddelande',
    count_other: '{{count}} meddelanden',
    showMore: 'Visa fler',
  },
  state: {
    ok: 'I tid',
    approaching: 'Snart försenat',
    overdue: 'Försenat',
    handled: 'Hanterat',
  },
  tab: {
    heading: 'Mina brevlådor',
    inbox: 'I inkorgen',
    unread: 'Olästa',
    total: 'Totalt i inkorgen: {{count}}',
    mailbox: 'Brevlåda',
    role: 'Din roll',
  },
  smartAlert: {
    found_one: 'Meddelandet innehåller ett personnummer ({{where}}): {{numbers}}.',
    found_other: 'Meddelandet innehåller {{count}} personnummer ({{where}}): {{numbers}}.',
    subject: 'i ämnesraden',
    body: 'i texten',
    subjectAndBody: 'i ämnesraden och i texten',
    advice: 'Personnummer får inte skickas med vanlig e-post. Ta bort dem och använd kommunens säkra kanal (säker e-post eller e-tjänst), eller välj Skicka ändå om det är nödvändigt.',
  },
  policy: {
    sameOrNextWorkingDay: 'Hanteras samma eller nästa arbetsdag',
    workingDays_one: 'Hanteras inom {{count}} arbetsdag',
    workingDays_other: 'Hanteras inom {{count}} arbetsdagar',
    openingHours: 'Hanteras inom {{count}} minuter av öppettiden',
  },
};

/** The shape every language must have: the same keys, all strings. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof sv>;
