import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { HostAdapter } from '../host/index.ts';

/** Fluent's Teams themes inside Teams (following its light/dark/contrast switch); web light elsewhere. */
export function themeFor(host: Pick<HostAdapter, 'kind' | 'theme'>): Theme {
  if (host.theme === 'dark') return teamsDarkTheme;
  if (host.theme === 'contrast') return teamsHighContrastTheme;
  return host.kind === 'teams' ? teamsLightTheme : webLightTheme;
}
