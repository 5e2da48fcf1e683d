import { describe, expect, it } from 'vitest';
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { loadTheme, loadedTheme, themeNameFor } from './themes.ts';

describe('themes', () => {
  it('picks Fluent’s Teams themes in Teams, following its switch, and web light elsewhere', () => {
    expect(themeNameFor({ kind: 'teams', theme: 'light' })).toBe('teamsLight');
    expect(themeNameFor({ kind: 'teams', theme: 'dark' })).toBe('teamsDark');
    expect(themeNameFor({ kind: 'teams', theme: 'contrast' })).toBe('teamsHighContrast');
    expect(themeNameFor({ kind: 'outlook', theme: 'light' })).toBe('webLight');
    expect(themeNameFor({ kind: 'standalone', theme: 'dark' })).toBe('teamsDark');
  });

  it('has web light at once and loads the others on demand, each once', async () => {
    expect(loadedTheme('webLight')).toBe(webLightTheme);
    expect(loadedTheme('teamsDark')).toBeUndefined();
    expect(await loadTheme('teamsDark')).toBe(teamsDarkTheme);
    expect(loadedTheme('teamsDark')).toBe(teamsDarkTheme);
    expect(await loadTheme('teamsLight')).toBe(teamsLightTheme);
    expect(await loadTheme('teamsHighContrast')).toBe(teamsHighContrastTheme);
  });
});
