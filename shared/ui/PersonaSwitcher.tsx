import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAppServices } from './AppContext.tsx';

/** Demo mode only: choose which demo user the app runs as. Hidden with a real tenant. */
export function PersonaSwitcher() {
  const { demo } = useAppServices();
  const { t } = useTranslation();
  if (!demo) return null;
  return (
    <Field label={t('auth.personaLabel')} hint={t('auth.personaHint')}>
      <Select value={demo.current} onChange={(_, data) => demo.switchTo(data.value)} data-testid="persona-switcher">
        {/* Any demo user can be opened with ?as=; one who is not a listed persona still shows as chosen. */}
        {!demo.personas.some((p) => p.upn === demo.current) && <option value={demo.current}>{demo.current}</option>}
        {demo.personas.map((persona) => (
          <option key={persona.upn} value={persona.upn}>
            {persona.displayName} – {t(`auth.role_${persona.role}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
