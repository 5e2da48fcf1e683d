/**
 * Sjöby kommun: a fictional municipality. The people, units and mailboxes are fixed (the seed only
 * varies the mail), so personas and planted problems are the same on every run. Names are invented;
 * phone numbers use the fictional 0999 area code and PTS's series for fiction (070-174 06 xx).
 */

export const demoDomain = 'sjoby.example';
export const demoOrganisationName = 'Sjöby kommun';

/** `local@sjoby.example` */
export const at = (local: string) => `${local}@${demoDomain}`;

export type UnitKey = 'sbf' | 'soc' | 'buf' | 'klf';

export interface DemoUnit {
  key: UnitKey;
  name: string;
  officeLocation: string;
  /** upn of the förvaltningschef: the register's `Manager` of the unit's mailboxes. */
  manager: string;
}

export const demoUnits: readonly DemoUnit[] = [
  {
    key: 'sbf',
    name: 'Samhällsbyggnadsförvaltningen',
    officeLocation: 'Stadshuset, plan 3',
    manager: at('karin.ekstrom'),
  },
  {
    key: 'soc',
    name: 'Socialförvaltningen',
    officeLocation: 'Socialkontoret, Storgatan 12',
    manager: at('per.holmberg'),
  },
  {
    key: 'buf',
    name: 'Barn- och utbildningsförvaltningen',
    officeLocation: 'Utbildningskontoret, Skolgatan 4',
    manager: at('lena.sjoberg'),
  },
  {
    key: 'klf',
    name: 'Kommunledningsförvaltningen',
    officeLocation: 'Stadshuset, plan 1',
    manager: at('gunnar.lindahl'),
  },
];

export interface DemoPerson {
  upn: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  unit: UnitKey;
  /** The last four digits of the direct line, 0999-10 xx xx. */
  extension: string;
  /** Has left the organisation: the account is disabled but still named in the register. */
  accountEnabled?: boolean;
}

function person(
  local: string,
  givenName: string,
  surname: string,
  jobTitle: string,
  unit: UnitKey,
  extension: string,
  accountEnabled = true,
): DemoPerson {
  return { upn: at(local), givenName, surname, jobTitle, unit, extension, accountEnabled };
}

export const demoPeople: readonly DemoPerson[] = [
  person('karin.ekstrom', 'Karin', 'Ekström', 'Samhällsbyggnadschef', 'sbf', '3100'),
  person('elin.berg', 'Elin', 'Berg', 'Bygglovshandläggare', 'sbf', '3112'),
  person('oskar.nilsson', 'Oskar', 'Nilsson', 'Bygglovsarkitekt', 'sbf', '3115'),
  person('fatima.hassan', 'Fatima', 'Hassan', 'Miljö- och hälsoskyddsinspektör', 'sbf', '3131'),
  person('mikael.sandberg', 'Mikael', 'Sandberg', 'Gatuingenjör', 'sbf', '3140'),
  person('sara.lindgren', 'Sara', 'Lindgren', 'Nämndsekreterare', 'sbf', '3105'),
  person('per.holmberg', 'Per', 'Holmberg', 'Socialchef', 'soc', '4100'),
  person(
    'anna.johansson',
    'Anna',
    'Johansson',
    'Enhetschef, mottagning och ekonomiskt bistånd',
    'soc',
    '4110',
  ),
  person('ali.yilmaz', 'Ali', 'Yilmaz', 'Socialsekreterare', 'soc', '4121'),
  person('lars.persson', 'Lars', 'Persson', 'Handläggare ekonomiskt bistånd', 'soc', '4124', false),
  person('maria.lundqvist', 'Maria', 'Lundqvist', 'Handläggare ekonomiskt bistånd', 'soc', '4125'),
  person('emma.wikstrom', 'Emma', 'Wikström', 'Nämndsekreterare', 'soc', '4105'),
  person('birgitta.nystrom', 'Birgitta', 'Nyström', 'Biståndshandläggare äldreomsorg', 'soc', '4140'),
  person('henrik.forsberg', 'Henrik', 'Forsberg', 'Biståndshandläggare äldreomsorg', 'soc', '4141'),
  person('lena.sjoberg', 'Lena', 'Sjöberg', 'Barn- och utbildningschef', 'buf', '5100'),
  person('johan.karlsson', 'Johan', 'Karlsson', 'Förskolesamordnare', 'buf', '5120'),
  person('nora.ahmadi', 'Nora', 'Ahmadi', 'Administratör', 'buf', '5122'),
  person('peter.strand', 'Peter', 'Strand', 'Skolskjutshandläggare', 'buf', '5130'),
  person('ida.magnusson', 'Ida', 'Magnusson', 'Nämndsekreterare', 'buf', '5105'),
  person('gunnar.lindahl', 'Gunnar', 'Lindahl', 'Kommundirektör', 'klf', '1000'),
  person('sofia.bjork', 'Sofia', 'Björk', 'Kundtjänstchef', 'klf', '1010'),
  person('erik.dahl', 'Erik', 'Dahl', 'Kommunvägledare', 'klf', '1011'),
  person('hanna.oberg', 'Hanna', 'Öberg', 'Kommunvägledare', 'klf', '1012'),
  person('maja.engstrom', 'Maja', 'Engström', 'Registrator', 'klf', '1020'),
];
