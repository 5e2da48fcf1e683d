import type { WorkCalendarOptions } from '../domain/index.ts';

/** The organisation's settings, read from `config.json` and validated by `parseAppConfig`. */
export interface AppConfig {
  organisation: {
    name: string;
    postalAddress: string;
    visitingAddress: string;
    switchboard: string;
    website: string;
    citizenServiceAddress: string;
    signatureTemplate: string;
    calendar: WorkCalendarOptions;
    handledCategories: string[];
  };
  register: { siteId: string; listId: string };
  graph: { baseUrl: string };
  auth: { mode: 'demo' | 'msal'; clientId: string; tenantId: string };
  app: { baseUrl: string; statisticsTarget: number };
}
