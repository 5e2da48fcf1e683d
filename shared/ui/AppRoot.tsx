import { useEffect, useMemo, useState } from 'react';
import type { ComponentType } from 'react';
import { FluentProvider, Spinner } from '@fluentui/react-components';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import type { AppConfig } from '../config/index.ts';
import {
  DemoTokenProvider,
  createGraphClient,
  fetchDemoPersonas,
  getMe,
  lazyMsalTokenProvider,
  openSyncPersistence,
} from '../graph/index.ts';
import type { DemoPersona, GraphError } from '../graph/index.ts';
import type { HostAdapter } from '../host/index.ts';
import { AppServicesProvider } from './AppContext.tsx';
import type { AppServices } from './AppContext.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { GraphErrorBar } from './GraphErrorBar.tsx';
import { themeFor } from './themes.ts';

const personaKey = 'brevladevakten.demoPersona';

interface Props {
  host: HostAdapter;
  config: AppConfig;
  i18n: i18n;
  View: ComponentType;
}

type Session =
  | { status: 'loading' }
  | { status: 'failed'; error: GraphError }
  | { status: 'ready'; services: AppServices };

/** Wires host, configuration, sign-in and Graph together, then renders the page's view. */
export function AppRoot({ host, config, i18n, View }: Props) {
  const [theme, setTheme] = useState(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);

  const [personas, setPersonas] = useState<DemoPersona[] | null>(config.auth.mode === 'demo' ? null : []);
  const [persona, setPersona] = useState<string | null>(null);
  const [personasFailed, setPersonasFailed] = useState<GraphError | null>(null);
  // The session belongs to the token provider it was made with; switching user makes it stale at once.
  const [sessionFor, setSessionFor] = useState<{ tokens: unknown; session: Session } | null>(null);

  useEffect(() => {
    if (config.auth.mode !== 'demo') return;
    fetchDemoPersonas(config.graph.baseUrl).then(
      (list) => {
        const wanted = new URLSearchParams(globalThis.location?.search ?? '').get('as') ?? host.session.getItem(personaKey);
        setPersonas(list);
        setPersona(list.find((p) => p.upn === wanted)?.upn ?? list[0]?.upn ?? null);
      },
      (error: unknown) =>
        setPersonasFailed({ status: 0, code: 'networkError', message: String(error), retryAfter: null }),
    );
  }, [config, host]);

  const tokens = useMemo(() => {
    if (config.auth.mode === 'demo') return persona ? new DemoTokenProvider(config.graph.baseUrl, persona) : null;
    return lazyMsalTokenProvider({
      clientId: config.auth.clientId,
      tenantId: config.auth.tenantId,
      redirectUri: `${host.origin}/auth-redirect.html`,
    });
  }, [config, host, persona]);

  useEffect(() => {
    if (!tokens || personas === null) return;
    let current = true;
    const setSession = (session: Session) => setSessionFor({ tokens, session });
    const graph = createGraphClient({ baseUrl: config.graph.baseUrl, tokens });
    void Promise.all([getMe(graph), openSyncPersistence().catch(() => null)]).then(([me, persistence]) => {
      if (!current) return;
      if (!me.ok) return setSession({ status: 'failed', error: me.error });
      const demo =
        config.auth.mode === 'demo' && persona
          ? {
              personas,
              current: persona,
              switchTo(upn: string) {
                host.session.setItem(personaKey, upn);
                setPersona(upn);
              },
            }
          : null;
      setSession({
        status: 'ready',
        services: {
          host,
          config,
          graph,
          tokens,
          persistence,
          userPrincipalName: (me.value.mail ?? me.value.userPrincipalName).toLowerCase(),
          demo,
        },
      });
    });
    return () => {
      current = false;
    };
  }, [config, host, persona, personas, tokens]);

  const session: Session = personasFailed
    ? { status: 'failed', error: personasFailed }
    : sessionFor && sessionFor.tokens === tokens
      ? sessionFor.session
      : { status: 'loading' };

  return (
    <FluentProvider theme={themeFor({ kind: host.kind, theme })} style={{ minHeight: '100vh' }}>
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary>
          {session.status === 'loading' && <Spinner label={i18n.t('app.loading')} />}
          {session.status === 'failed' && <GraphErrorBar error={session.error} url={config.graph.baseUrl} />}
          {session.status === 'ready' && (
            <AppServicesProvider value={session.services}>
              <View />
            </AppServicesProvider>
          )}
        </ErrorBoundary>
      </I18nextProvider>
    </FluentProvider>
  );
}
