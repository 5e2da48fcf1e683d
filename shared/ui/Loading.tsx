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
  const [shown, setShown] = useState(delayMs <= 0);
  useEffect(() => {
    if (shown) return;
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs, shown]);
  return shown ? <Spinner size={size} label={label ?? t('app.loading')} /> : null;
}
