import { Spinner } from '@fluentui/react-components';
import { useTranslation } from '../i18n/react.tsx';

/** The app's "Laddar …" spinner: while data or a part of the app loads. */
export function Loading() {
  const { t } = useTranslation();
  return <Spinner label={t('app.loading')} />;
}
