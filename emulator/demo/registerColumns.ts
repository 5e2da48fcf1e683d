import type { ColumnState } from '../model/types.ts';

/**
 * The mailbox register's columns (internal names). People are plain text columns holding e-mail
 * addresses: person columns would read back only as `{Column}LookupId` (graph.md). `TrackedSince`
 * is text `YYYY-MM-DD`: a SharePoint date-only column would come back as the UTC instant of local
 * midnight (`2026-07-31T22:00:00Z` for 1 August in Sweden).
 */
export const registerColumns: ColumnState[] = [
  { name: 'Title', displayName: 'Namn', type: 'text', required: true },
  { name: 'Address', displayName: 'Adress', type: 'text', required: true },
  { name: 'Kind', displayName: 'Typ', type: 'choice', choices: ['function', 'authority'], required: true },
  { name: 'Unit', displayName: 'Förvaltning', type: 'text' },
  { name: 'Owner', displayName: 'Ansvarig', type: 'text' },
  { name: 'Deputy', displayName: 'Ersättare', type: 'text' },
  { name: 'Manager', displayName: 'Chef', type: 'text' },
  {
    name: 'PolicyPreset',
    displayName: 'Svarstidsregel',
    type: 'choice',
    choices: [
      'mjolby-funktionsbrevlada',
      'mjolby-myndighetsbrevlada',
      'eskilstuna-kundcenter-epost',
      'eskilstuna-verksamhet-epost',
      'eskilstuna-medarbetare-epost',
    ],
    required: true,
  },
  { name: 'OpeningHours', displayName: 'Öppettider', type: 'note' },
  { name: 'TrackedSince', displayName: 'Bevakas från', type: 'text' },
];
