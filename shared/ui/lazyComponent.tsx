import { useEffect, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';

export interface LazyComponent<P extends object> {
  (props: P): ReactNode;
  /** Starts loading now (for example as soon as it is known the component will be needed). */
  preload(): Promise<ComponentType<P>>;
}

/**
 * A component whose code is fetched the first time it renders (or on `preload`), showing `Fallback`
 * until then and rendering synchronously ever after. Not `React.lazy`: its Suspense reveal is throttled
 * (about 300 ms), which is longer than these chunks take to arrive.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Fallback: ComponentType | null = null,
): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // a later render may try again (for example after a network blip)
        throw error;
      },
    ));

  function Lazy(props: P): ReactNode {
    const [, setReady] = useState(loaded !== null);
    const [error, setError] = useState<unknown>(null);
    useEffect(() => {
      // The code may have arrived between this render (which showed the fallback) and this effect: the
      // `then` below would then never fire for this component, so re-render now instead.
      if (loaded) {
        setReady(true);
        return;
      }
      let current = true;
      preload().then(
        () => current && setReady(true),
        (failure: unknown) => current && setError(failure),
      );
      return () => {
        current = false;
      };
    }, []);
    // Thrown during render, so the nearest ErrorBoundary shows it instead of a spinner forever.
    if (error) throw error;
    const Component = loaded;
    if (Component) return <Component {...props} />;
    return Fallback ? <Fallback /> : null;
  }
  Lazy.preload = preload;
  return Lazy;
}
