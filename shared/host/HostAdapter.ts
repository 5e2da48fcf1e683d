/**
 * Everything the UI needs from where it runs — Outlook, Teams, or a plain browser tab — behind one
 * seam, so components never touch `Office`, `microsoftTeams` or `window.location` themselves.
 */
export type HostKind = 'outlook' | 'teams' | 'standalone';
export type HostTheme = 'light' | 'dark' | 'contrast';

export interface HostAdapter {
  kind: HostKind;
  /** The host's display language, e.g. `sv-SE`. */
  locale: string;
  theme: HostTheme;
  /** Calls back when the host switches theme; returns an unsubscribe function. */
  onThemeChange(listener: (theme: HostTheme) => void): () => void;
  /** The page's origin, e.g. `https://brevladevakten.kommun.se`. */
  origin: string;
  /** Session-scoped key/value storage for UI choices (never tokens). */
  session: Pick<Storage, 'getItem' | 'setItem'>;
  /** Whether Nested App Authentication is available in this host. */
  supportsNestedAppAuth: boolean;
  /** Whether the pane is on screen: hidden panes do not poll Graph. */
  isVisible(): boolean;
}

const memory = new Map<string, string>();
const memoryStorage: HostAdapter['session'] = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
};

function sessionStorageOrMemory(): HostAdapter['session'] {
  try {
    const storage = globalThis.sessionStorage;
    storage.setItem('brevladevakten.probe', '1');
    return storage;
  } catch {
    // Some Office webviews block storage in third-party iframes.
    return memoryStorage;
  }
}

/** The host when running in a plain browser tab (demo mode, development and tests). */
export function standaloneHost(overrides: Partial<HostAdapter> = {}): HostAdapter {
  const query = new URLSearchParams(globalThis.location?.search ?? '');
  return {
    kind: 'standalone',
    // Standalone is the demo and development mode: Swedish, the municipality's language, unless
    // `?lang=en` or `?lang=fi` asks otherwise. Inside Outlook and Teams the host's language rules.
    locale: query.get('lang') ?? 'sv-SE',
    theme: (['light', 'dark', 'contrast'] as const).find((t) => t === query.get('theme')) ?? 'light',
    onThemeChange: () => () => undefined,
    origin: globalThis.location?.origin ?? 'http://localhost',
    session: sessionStorageOrMemory(),
    supportsNestedAppAuth: false,
    isVisible: () => globalThis.document?.visibilityState !== 'hidden',
    ...overrides,
  };
}
