import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from '../i18n/react.tsx';
import type { AppServices } from './AppContext.tsx';

/** The demo user chooser itself (loaded only in demo mode, see PersonaSwitcher). */
export default function PersonaSelect({ demo }: { demo: NonNullable<AppServices['demo']> }) {
  const { t } = useTranslation();
  return (
    <Field label={t('auth.personaLabel')} hint={t('auth.personaHint')}>
      <Select
        value={demo.current}
        onChange={(_, data) => demo.switchTo(data.value)}
        data-testid="persona-switcher"
      >
        {/* Any demo user can be opened with ?as=; one who is not a listed persona still shows as chosen. */}
        {!demo.personas.some((p) => p.upn === demo.current) && (
          <option value={demo.current}>{demo.current}</option>
        )}
        {demo.personas.map((persona) => (
          <option key={persona.upn} value={persona.upn}>
            {persona.displayName} – {t(`auth.role_${persona.role}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
