import { webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { HostAdapter } from '../host/index.ts';

export type ThemeName = 'webLight' | 'teamsLight' | 'teamsDark' | 'teamsHighContrast';

/** Fluent's Teams themes inside Teams (following its light/dark/contrast switch); web light elsewhere. */
export function themeNameFor(host: Pick<HostAdapter, 'kind' | 'theme'>): ThemeName {
  if (host.theme === 'dark') return 'teamsDark';
  if (host.theme === 'contrast') return 'teamsHighContrast';
  return host.kind === 'teams' ? 'teamsLight' : 'webLight';
}

// Web light is what the Outlook task pane and the standalone demo start with, so it is in the initial
// JavaScript; each of the others (about 17 KB of tokens apiece) is fetched only when a host asks for it.
const loaded = new Map<ThemeName, Theme>([['webLight', webLightTheme]]);
const loaders: Record<Exclude<ThemeName, 'webLight'>, () => Promise<Theme>> = {
  teamsLight: () => import('./themes/teamsThemes.ts').then((m) => m.teamsLightTheme),
  teamsDark: () => import('./themes/teamsThemes.ts').then((m) => m.teamsDarkTheme),
  teamsHighContrast: () => import('./themes/teamsThemes.ts').then((m) => m.teamsHighContrastTheme),
};

/** The theme if it is already loaded (web light always is). */
export function loadedTheme(name: ThemeName): Theme | undefined {
  return loaded.get(name);
}

/** Loads a theme (once); resolves at once for one already loaded. */
export async function loadTheme(name: ThemeName): Promise<Theme> {
  const ready = loaded.get(name);
  if (ready) return ready;
  const theme = await loaders[name as Exclude<ThemeName, 'webLight'>]();
  loaded.set(name, theme);
  return theme;
}
