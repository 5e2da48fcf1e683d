import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { Translator } from './translator.ts';

const TranslatorContext = createContext<Translator | null>(null);

/** Makes the page's translator available to `useTranslation` below it. */
export function TranslationProvider({
  translator,
  children,
}: {
  translator: Translator;
  children: ReactNode;
}) {
  return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>;
}

/** `const { t, i18n } = useTranslation()`: the active language's `t`, and the translator (`i18n.language`). */
export function useTranslation(): { t: Translator['t']; i18n: Translator } {
  const translator = useContext(TranslatorContext);
  if (!translator)
    throw new Error('useTranslation() needs a <TranslationProvider> above it (see shared/ui/AppRoot.tsx)');
  return { t: translator.t, i18n: translator };
}
