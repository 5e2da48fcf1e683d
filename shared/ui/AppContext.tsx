import { createContext, useContext } from 'react';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig } from '../config/index.ts';
import type { DemoPersona, SyncPersistence, TokenProvider } from '../graph/index.ts';
import type { HostAdapter } from '../host/index.ts';

export interface AppServices {
  host: HostAdapter;
  config: AppConfig;
  graph: Client;
  /** The token provider behind `graph` (the sync layer renews a token once when a batch part answers 401). */
  tokens: TokenProvider;
  /** The IndexedDB cache of synced mailboxes, or null where storage is unavailable. */
  persistence: SyncPersistence | null;
  /** The signed-in user's address (UPN): the register is matched against it. */
  userPrincipalName: string | null;
  /** Demo mode only: the users one can switch between, and the switch. */
  demo: { personas: DemoPersona[]; current: string; switchTo(upn: string): void } | null;
}

const AppContext = createContext<AppServices | null>(null);
export const AppServicesProvider = AppContext.Provider;

export function useAppServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useAppServices() must be used inside <AppServicesProvider>.');
  return services;
}

export function useHost(): HostAdapter {
  return useAppServices().host;
}
