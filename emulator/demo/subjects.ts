import type { MailTopic } from './mailboxes.ts';
import type { Prng } from './prng.ts';

/**
 * Swedish subject lines of the kind municipal mailboxes receive. Placeholders: {fastighet}
 * (property designation), {adress}, {forskola}, {skola}, {dnr} (case number). No personal
 * identity numbers, ever.
 */
const subjects: Record<MailTopic, readonly string[]> = {
  bygglov: [
    'Ansökan om bygglov för carport, {fastighet}',
    'Fråga om bygglov för altan',
    'Komplettering till ärende {dnr}',
    'SV: Begäran om komplettering, {fastighet}',
    'Behöver jag bygglov för friggebod?',
    'Startbesked – när kan vi börja bygga?',
    'Anmälan om eldstad, {adress}',
    'Ritningar till bygglovsansökan {fastighet}',
    'Förhandsbesked för enbostadshus',
    'Fråga om strandskydd vid {fastighet}',
    'Slutbesked {dnr}',
    'Grannehörande – synpunkter på bygglov {fastighet}',
    'Skylt på fasaden, {adress}',
  ],
  miljo: [
    'Klagomål på buller från {adress}',
    'Ansökan om enskilt avlopp, {fastighet}',
    'Anmälan om värmepump',
    'Fråga om inventering av avlopp',
    'Livsmedelsregistrering, nytt café',
    'Mögel i hyreslägenhet – vad gäller?',
    'Klagomål på eldning av trädgårdsavfall',
    'SV: Inspektionsrapport {dnr}',
    'Ansökan om att hålla höns i detaljplanerat område',
    'Radonmätning i villa, {adress}',
    'Nedskräpning vid återvinningsstationen',
  ],
  gata: [
    'Trasig gatubelysning på {adress}',
    'Potthål i vägen vid {adress}',
    'Snöröjning saknas på vår gata',
    'Nedfallet träd i parken',
    'Ansökan om schakttillstånd',
    'Parkeringstillstånd för rörelsehindrad',
    'Fråga om lekplatsen i Ekparken',
    'Grus kvar på cykelbanan',
    'Trafikanordningsplan, {adress}',
    'Önskemål om farthinder',
  ],
  byggnadsnamnd: [
    'Överklagande av beslut {dnr}',
    'Yttrande i ärende {dnr}',
    'Remiss: ny detaljplan för Sjöby centrum',
    'Begäran om allmän handling – ärende {dnr}',
    'Delgivningskvitto {dnr}',
    'Protokollsutdrag från Länsstyrelsen',
    'Synpunkter inför nämndens sammanträde',
    'VB: Föreläggande {fastighet}',
    'Begäran om omprövning av beslut',
  ],
  socialtjanst: [
    'Orosanmälan',
    'Begäran om kontakt med socialsekreterare',
    'Fråga om stöd till anhörig',
    'Ansökan om kontaktperson',
    'SV: Bokad tid för samtal',
    'Fråga om familjerådgivning',
    'Behöver hjälp – vem ska jag kontakta?',
    'Begäran om utdrag ur akt',
    'Ansökan om stödboende',
    'Information från skolan',
  ],
  bistand: [
    'Ansökan om ekonomiskt bistånd för nästa månad',
    'Komplettering av ansökan – kontoutdrag',
    'Fråga om utbetalningsdag',
    'Kvitton för tandvård',
    'Ändrade inkomster från och med nästa månad',
    'SV: Begäran om komplettering',
    'Ansökan om bistånd till glasögon',
    'Hyresavi bifogas',
    'Fråga om beslut',
    'Läkarintyg bifogas',
  ],
  aldreomsorg: [
    'Ansökan om hemtjänst för min mamma',
    'Fråga om trygghetslarm',
    'Ansökan om särskilt boende',
    'Synpunkter på hemtjänsten',
    'Avbokning av dagverksamhet',
    'Fråga om korttidsplats',
    'Matdistribution – ändrad adress',
    'SV: Vårdplanering inför hemgång',
    'Färdtjänst – hur ansöker man?',
    'Ledsagning till sjukhuset',
  ],
  socialnamnd: [
    'Överklagande av beslut om ekonomiskt bistånd',
    'Dom från förvaltningsrätten',
    'Begäran om allmän handling',
    'Remiss från IVO',
    'Yttrande till förvaltningsrätten {dnr}',
    'Begäran om yttrande – vårdnadsutredning',
    'Synpunkter till socialnämnden',
    'VB: Skrivelse från Länsstyrelsen',
    'Delgivning {dnr}',
  ],
  forskola: [
    'Ansökan om förskoleplats',
    'Byte av förskola till {forskola}',
    'Uppsägning av förskoleplats',
    'Fråga om kö till {forskola}',
    'Tacka ja till erbjuden plats på {forskola}',
    'Ändrade schematider',
    'Fråga om avgift för förskola',
    'Inkomstuppgift för maxtaxa',
    'SV: Erbjudande om plats',
    'Allergi – specialkost',
    'Fråga om sommaröppen förskola',
  ],
  skolskjuts: [
    'Ansökan om skolskjuts till {skola}',
    'Skolbussen kom inte i morse',
    'Ändrad adress – skolskjuts',
    'Skolskjuts vid växelvis boende',
    'Fråga om taxi till {skola}',
    'SV: Beslut om skolskjuts',
    'Busskort har slutat fungera',
    'Skolskjuts efter fritids',
  ],
  bunamnd: [
    'Överklagande av beslut om skolplacering',
    'Anmälan om kränkande behandling',
    'Begäran om allmän handling',
    'Beslut från Skolinspektionen',
    'Remiss: skolplan 2027',
    'Medborgarförslag om ny förskola',
    'Yttrande {dnr}',
    'VB: Skrivelse från föräldragrupp',
    'Delgivningskvitto {dnr}',
  ],
  kontaktcenter: [
    'Hur ansöker jag om bygglov?',
    'Fråga om sophämtning',
    'Felanmälan: trasig gatubelysning på {adress}',
    'Vem ska jag kontakta om förskoleplats?',
    'Öppettider under helgerna',
    'Synpunkt på kommunens webbplats',
    'Fråga om parkering vid stadshuset',
    'Hur bokar jag borgerlig vigsel?',
    'Fråga om faktura från kommunen',
    'Ansökan om busskort',
    'Klagomål på snöröjningen',
    'Var hämtar jag säckar för trädgårdsavfall?',
  ],
};

/** The diarium prefix of the committee a topic belongs to. */
const diariumPrefix: Record<MailTopic, string> = {
  bygglov: 'SBN',
  miljo: 'SBN',
  gata: 'SBN',
  byggnadsnamnd: 'SBN',
  socialtjanst: 'SN',
  bistand: 'SN',
  aldreomsorg: 'SN',
  socialnamnd: 'SN',
  forskola: 'BUN',
  skolskjuts: 'BUN',
  bunamnd: 'BUN',
  kontaktcenter: 'KS',
};

const properties = [
  'Eken 4:12',
  'Björken 2:7',
  'Lönnen 11:3',
  'Sjöby 1:45',
  'Åsen 3:9',
  'Hagalund 6:2',
  'Norrviken 8:14',
];
const addresses = [
  'Storgatan 14',
  'Sjövägen 3',
  'Kyrkogatan 22',
  'Ekvägen 7',
  'Industrigatan 5',
  'Parkgatan 9',
  'Ängsvägen 18',
];
const preschools = ['Ekbackens förskola', 'Solstrålens förskola', 'Sjöängens förskola', 'Lönnens förskola'];
const schools = ['Sjöbyskolan', 'Norrviksskolan', 'Åsens skola'];

/** A subject for a message to a mailbox of `topic` received in `year`. */
export function pickSubject(prng: Prng, topic: MailTopic, year: number): string {
  return prng
    .pick(subjects[topic])
    .replace('{fastighet}', () => prng.pick(properties))
    .replace('{adress}', () => prng.pick(addresses))
    .replace('{forskola}', () => prng.pick(preschools))
    .replace('{skola}', () => prng.pick(schools))
    .replace('{dnr}', () => `${diariumPrefix[topic]} ${year}/${prng.int(10, 899)}`);
}

const givenNames = [
  'Anders',
  'Birgit',
  'Camilla',
  'David',
  'Eva',
  'Filip',
  'Greta',
  'Hassan',
  'Ingrid',
  'Jakob',
  'Kerstin',
  'Leila',
  'Magnus',
  'Nils',
  'Olivia',
  'Patrik',
  'Rut',
  'Stefan',
  'Tove',
  'Ulf',
  'Vera',
  'Wilma',
  'Yusuf',
  'Åsa',
];
const surnames = [
  'Andersson',
  'Bergström',
  'Carlsson',
  'Danielsson',
  'Eriksson',
  'Falk',
  'Gustafsson',
  'Hedlund',
  'Isaksson',
  'Jonsson',
  'Kvist',
  'Larsson',
  'Mattsson',
  'Nordin',
  'Olsson',
  'Pettersson',
  'Qvarnström',
  'Rask',
  'Svensson',
  'Törnqvist',
  'Wallin',
  'Öhman',
];
const domains = ['example.com', 'example.se', 'example.net', 'example.org'];
const organisations = [
  { name: 'Sjöby Bygg & Montage AB', local: 'info.sjobybygg' },
  { name: 'Länsstyrelsen (exempel)', local: 'registrator.lansstyrelsen' },
  { name: 'Förvaltningsrätten (exempel)', local: 'forvaltningsratten' },
  { name: 'Bostadsbolaget Sjöbyhem', local: 'kundservice.sjobyhem' },
  { name: 'Arkitektkontoret Linje', local: 'kontakt.linjearkitekter' },
];

const ascii = (text: string) =>
  text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9.]/g, '');

/** A fictional sender: mostly private persons, sometimes an organisation, all at example domains. */
export function pickSender(prng: Prng, topic: MailTopic): { name: string; address: string } {
  const authority = topic === 'byggnadsnamnd' || topic === 'socialnamnd' || topic === 'bunamnd';
  if (prng.chance(authority ? 0.45 : 0.12)) {
    const org = prng.pick(organisations);
    return { name: org.name, address: `${org.local}@${prng.pick(domains)}` };
  }
  const given = prng.pick(givenNames);
  const surname = prng.pick(surnames);
  const style = prng.int(0, 2);
  const local =
    style === 0
      ? `${given}.${surname}`
      : style === 1
        ? `${given}${surname.slice(0, 1)}${prng.int(10, 99)}`
        : `${given.slice(0, 1)}${surname}`;
  return { name: `${given} ${surname}`, address: `${ascii(local)}@${prng.pick(domains)}` };
}
