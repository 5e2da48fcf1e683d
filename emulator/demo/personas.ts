import { at } from './organisation.ts';

export interface DemoPersona {
  upn: string;
  role: 'staff' | 'owner' | 'manager';
  description: string;
}

/** The users the demo offers to switch between; the first is the plain `demo` token's user. */
export const demoPersonas: readonly DemoPersona[] = [
  {
    upn: at('elin.berg'),
    role: 'staff',
    description:
      'Handläggare på Samhällsbyggnadsförvaltningen, ersättare för Bygglov, Miljö och hälsoskydd och Byggnadsnämnden',
  },
  {
    upn: at('anna.johansson'),
    role: 'owner',
    description:
      'Enhetschef på Socialförvaltningen, ansvarig för Socialtjänstens mottagning, Ekonomiskt bistånd och Socialnämnden',
  },
  {
    upn: at('lena.sjoberg'),
    role: 'manager',
    description: 'Barn- och utbildningschef, chef för förvaltningens brevlådor',
  },
];
