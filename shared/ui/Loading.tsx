import { useEffect, useState } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { SpinnerProps } from '@fluentui/react-components';
import { useTranslation } from '../i18n/react.tsx';

/**
 * How long something may load before the spinner shows. Most waits are over sooner (a cold start's
 * register and views, a lazily loaded tab): a spinner that flashes by for a moment only adds motion, and
 * an animated one keeps the browser painting frames while it is busiest.
 */
export const loadingDelayMs = 400;

/** Whether `on` has held for `delayMs` (false again as soon as it does not). */
export function useShownAfter(on: boolean, delayMs: number = loadingDelayMs): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on || delayMs <= 0) return;
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => {
      clearTimeout(timer);
      setShown(false); // the next wait starts from zero
    };
  }, [on, delayMs]);
  return on && (shown || delayMs <= 0);
}

/** The app's "Laddar …" spinner (or one with its own label): while data or a part of the app loads, shown after `delayMs`. */
export function Loading({
  delayMs = loadingDelayMs,
  label,
  size,
}: {
  delayMs?: number;
  label?: string;
  size?: SpinnerProps['size'];
}) {
  const { t } = useTranslation();
  return useShownAfter(true, delayMs) ? <Spinner size={size} label={label ?? t('app.loading')} /> : null;
}
