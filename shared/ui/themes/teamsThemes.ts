// Loaded on demand by ../themes.ts: the Teams themes are not part of the task pane's initial JavaScript.
export { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
