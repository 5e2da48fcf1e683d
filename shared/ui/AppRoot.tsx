import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { ComponentType } from 'react';
import { FluentProvider } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { TranslationProvider } from '../i18n/react.tsx';
import type { Translator } from '../i18n/index.ts';
import type { AppConfig } from '../config/index.ts';
import { fetchDemoPersonas } from '../graph/index.ts';
import type { DemoPersona, GraphError, SyncPersistence } from '../graph/index.ts';
import type { HostAdapter } from '../host/index.ts';
import { AppServicesProvider } from './AppContext.tsx';
import type { AppServices } from './AppContext.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { GraphErrorBar } from './GraphErrorBar.tsx';
import { Loading } from './Loading.tsx';
import { syncPersistence } from './earlyStart.ts';
import { beginUserSession, personaKey, startingPersona, tokenProvider } from './firstSession.ts';
import type { FirstSession } from './firstSession.ts';
import { mark } from './mark.ts';
import type { SignedIn } from './sessionStart.ts';
import { loadTheme, themeNameFor } from './themes.ts';

interface Props {
  host: HostAdapter;
  config: AppConfig;
  i18n: Translator;
  View: ComponentType;
  /** The host's theme, already loaded (see `startApp`). */
  initialTheme: Theme;
  /** The first session, begun before the first render (firstSession.ts `beginFirstSession`). */
  first?: FirstSession | null;
  /**
   * Who signed in to the first session and its storage, when both were known before the first render
   * (`startApp`): the views then render at once, in that first render, instead of after a spinner.
   */
  firstSignedIn?: FirstSignedIn | null;
  /** The demo's users, when the first session's list had arrived before the first render. */
  firstPersonas?: DemoPersona[] | null;
}

/** What a session needs before its views render: who signed in, and the sync cache. */
export interface FirstSignedIn {
  user: SignedIn;
  persistence: SyncPersistence | null;
}

type Session =
  | { status: 'loading' }
  | { status: 'failed'; error: GraphError }
  | { status: 'ready'; services: Omit<AppServices, 'demo'> };

function sessionOf(
  { user, persistence }: FirstSignedIn,
  services: Pick<AppServices, 'host' | 'config' | 'graph' | 'tokens'>,
): Session {
  if (!user.ok) return { status: 'failed', error: user.error };
  return { status: 'ready', services: { ...services, persistence, userPrincipalName: user.upn } };
}

/** First sessions that have been stopped: a later render with the same user begins a new one. */
const stoppedFirst = new WeakSet<FirstSession>();

/** Wires host, configuration, sign-in and Graph together, then renders the page's view. */
export function AppRoot({
  host,
  config,
  i18n,
  View,
  initialTheme,
  first = null,
  firstSignedIn = null,
  firstPersonas = null,
}: Props) {
  const [theme, setTheme] = useState(initialTheme);
  useEffect(() => {
    // Teams switches theme while the tab is open: load the new one, and keep only the latest switch.
    let latest = 0;
    const unsubscribe = host.onThemeChange((next) => {
      const request = (latest += 1);
      void loadTheme(themeNameFor({ kind: host.kind, theme: next })).then((loaded) => {
        if (request === latest) setTheme(loaded);
      });
    });
    return () => {
      latest = -1;
      unsubscribe();
    };
  }, [host]);

  const demoMode = config.auth.mode === 'demo';
  const [personas, setPersonas] = useState<DemoPersona[]>(firstPersonas ?? []);
  // A persona named by `?as=` or chosen earlier in this session starts at once; otherwise the first one
  // the emulator lists (the case officer).
  const [persona, setPersona] = useState<string | null>(() => first?.persona ?? startingPersona(config, host));
  const [personasFailed, setPersonasFailed] = useState<GraphError | null>(null);
  // The session belongs to the token provider it was made with; switching user makes it stale at once.
  const [sessionFor, setSessionFor] = useState<{ tokens: unknown; session: Session } | null>(() => {
    if (!first?.started || !first.tokens || !firstSignedIn) return null;
    return { tokens: first.tokens, session: sessionOf(firstSignedIn, { host, config, graph: first.started.graph, tokens: first.tokens }) };
  });
  // The tokens whose session was ready at the first render (nothing to wait for in the effect below).
  const readyAtFirst = useRef(sessionFor?.tokens ?? null);

  useEffect(() => {
    if (!demoMode) return;
    // The first session's list (asked for before this rendered), else asked for now. The same list as the
    // first render's changes nothing (React keeps the state).
    (first?.personas ?? fetchDemoPersonas(config.graph.baseUrl)).then(
      (list) => {
        setPersonas(list);
        setPersona((current) => current ?? list[0]?.upn ?? null);
      },
      (error: unknown) =>
        setPersonasFailed({ status: 0, code: 'networkError', message: String(error), retryAfter: null }),
    );
  }, [config, demoMode, first]);

  // The user's tokens and session: the first session (begun before this rendered) while it is current;
  // otherwise begun here, while this renders rather than in an effect (which runs after the first paint),
  // so the token, the register and the first sync round are on the network while React renders and the
  // views' code arrives. (A render React throws away before committing would begin one more.)
  const { tokens, started } = useMemo(() => {
    if (first && !stoppedFirst.has(first) && first.persona === persona) return first;
    const made = tokenProvider(config, host, persona);
    return { tokens: made, started: made ? beginUserSession(config, host, persona, made) : null };
  }, [config, first, host, persona]);

  useEffect(() => {
    if (!started || !tokens) return;
    let current = true;
    // A transition: the views' first render is large, and rendered in slices it lets the start-up's
    // responses (token, register, first sync round) be handled as they arrive instead of after it.
    const setSession = (session: Session) => startTransition(() => setSessionFor({ tokens, session }));
    const { graph } = started;
    if (readyAtFirst.current !== tokens) {
      void Promise.all([started.who, syncPersistence()]).then(([user, persistence]) => {
        if (!current) return;
        if (user.ok) mark('session');
        setSession(sessionOf({ user, persistence }, { host, config, graph, tokens }));
      });
    }
    return () => {
      current = false;
      started.stop();
      // Another user (or an unmount): the first session is over and is never taken up again.
      if (first?.started === started) stoppedFirst.add(first);
    };
  }, [config, first, host, started, tokens]);

  const session: Session = personasFailed
    ? { status: 'failed', error: personasFailed }
    : sessionFor && sessionFor.tokens === tokens
      ? sessionFor.session
      : { status: 'loading' };

  const ready = session.status === 'ready' ? session.services : null;
  const services = useMemo<AppServices | null>(() => {
    if (!ready) return null;
    const demo =
      demoMode && persona
        ? {
            personas,
            current: persona,
            switchTo(upn: string) {
              host.session.setItem(personaKey, upn);
              setPersona(upn);
            },
          }
        : null;
    return { ...ready, demo };
  }, [ready, demoMode, persona, personas, host]);

  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <TranslationProvider translator={i18n}>
        <ErrorBoundary>
          {session.status === 'loading' && <Loading />}
          {session.status === 'failed' && <GraphErrorBar error={session.error} url={config.graph.baseUrl} />}
          {services && (
            <AppServicesProvider value={services}>
              <View />
            </AppServicesProvider>
          )}
        </ErrorBoundary>
      </TranslationProvider>
    </FluentProvider>
  );
}
