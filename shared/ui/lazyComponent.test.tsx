// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Component } from 'react';
import type { ReactNode } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import { lazyComponent } from './lazyComponent.tsx';

afterEach(cleanup);

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const Greeting = ({ name }: { name: string }) => <p>Hej {name}</p>;
const Waiting = () => <p>Laddar</p>;

class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: String(error) };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error}</p> : this.props.children;
  }
}

describe('lazyComponent', () => {
  it('shows the fallback until the code arrives, then the component with its props', async () => {
    const load = deferred<typeof Greeting>();
    const Lazy = lazyComponent(() => load.promise, Waiting);
    render(<Lazy name="Elin" />);
    expect(screen.getByText('Laddar')).toBeTruthy();
    await act(async () => load.resolve(Greeting));
    expect(screen.getByText('Hej Elin')).toBeTruthy();
  });

  it('loads once, and renders synchronously once loaded', async () => {
    const loader = vi.fn(() => Promise.resolve(Greeting));
    const Lazy = lazyComponent(loader);
    await Lazy.preload();
    render(<Lazy name="Anna" />);
    expect(screen.getByText('Hej Anna')).toBeTruthy();
    render(<Lazy name="Lena" />);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('hands a failed load to the error boundary, and tries again on the next mount', async () => {
    const first = deferred<typeof Greeting>();
    const loader = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockReturnValueOnce(first.promise)
      .mockResolvedValueOnce(Greeting);
    const Lazy = lazyComponent(loader);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const view = render(
      <Boundary>
        <Lazy name="Elin" />
      </Boundary>,
    );
    await act(async () => first.reject(new Error('chunk failed')));
    expect(screen.getByRole('alert').textContent).toContain('chunk failed');
    view.unmount();
    quiet.mockRestore();
    render(<Lazy name="Elin" />);
    expect(await screen.findByText('Hej Elin')).toBeTruthy();
    expect(loader).toHaveBeenCalledTimes(2);
  });
});
