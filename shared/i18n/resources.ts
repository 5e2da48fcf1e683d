import { en } from './en.ts';
import { fi } from './fi.ts';
import { sv } from './sv.ts';

/**
 * Every language at once, for the event runtime (commands.js answers Smart Alerts without a UI, in the
 * sender's language) and for tests. The pages load one language each with `loadMessages`.
 */
export const resources = {
  sv: { translation: sv },
  en: { translation: en },
  fi: { translation: fi },
} as const;
