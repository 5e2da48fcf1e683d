import { useAppServices } from './AppContext.tsx';
import { lazyComponent } from './lazyComponent.tsx';

// The chooser's code (Fluent Select and Field) is fetched only in demo mode: a real tenant never needs it.
const PersonaSelect = lazyComponent(() => import('./PersonaSelect.tsx').then((module) => module.default));

/** Demo mode only: choose which demo user the app runs as. Hidden with a real tenant. */
export function PersonaSwitcher() {
  const { demo } = useAppServices();
  return demo ? <PersonaSelect demo={demo} /> : null;
}
