export { standaloneHost } from './HostAdapter.ts';
export type { HostAdapter, HostKind, HostTheme } from './HostAdapter.ts';
