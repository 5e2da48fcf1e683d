export { AppRoot } from './AppRoot.tsx';
export { AppServicesProvider, useAppServices, useHost } from './AppContext.tsx';
export type { AppServices } from './AppContext.tsx';
export { ConfigErrorView } from './ConfigErrorView.tsx';
export { DeadlineBadge } from './DeadlineBadge.tsx';
export type { MessageState } from './DeadlineBadge.tsx';
export { describePolicy } from './describePolicy.ts';
export { ErrorBoundary } from './ErrorBoundary.tsx';
export { formatDateTime } from './formatDateTime.ts';
export { GraphErrorBar } from './GraphErrorBar.tsx';
export { loadConfig } from './loadConfig.ts';
export type { ConfigLoad } from './loadConfig.ts';
export { PersonaSwitcher } from './PersonaSwitcher.tsx';
export { startApp } from './startApp.tsx';
export type { StartOptions } from './startApp.tsx';
export { beginPageStart } from './pageStart.ts';
export type { PageStart } from './pageStart.ts';
export { loadTheme, loadedTheme, themeNameFor } from './themes.ts';
export type { ThemeName } from './themes.ts';
export { RegisterProblems } from './RegisterProblems.tsx';
export { useRegister } from './useRegister.ts';
export { useAsync } from './useAsync.ts';
export type { AsyncState } from './useAsync.ts';
export {
  useAutoRefresh,
  useRefreshStatus,
  useSyncStore,
  useUnhandledWithDeadlines,
} from './sync/useSyncStore.ts';
export { dateLocale } from './dateLocale.ts';
export { RefreshBar } from './RefreshBar.tsx';
export { refreshIntervalMs } from './mailboxSession.ts';
export { useMailboxSync } from './useMailboxSync.ts';
export { useNow } from './useNow.ts';
