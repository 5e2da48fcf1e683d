// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { useAsync } from './useAsync.ts';

afterEach(cleanup);

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function Probe({ id, loads }: { id: string; loads: Record<string, Promise<string>> }) {
  const state = useAsync(() => loads[id] as Promise<string>, id);
  return <p>{state.status === 'loading' ? 'loading' : state.value}</p>;
}

describe('useAsync', () => {
  it('shows loading, then the answer', async () => {
    const a = deferred<string>();
    render(<Probe id="a" loads={{ a: a.promise }} />);
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => a.resolve('answer a'));
    expect(screen.getByText('answer a')).toBeTruthy();
  });

  it('never lets a late answer for an earlier key overwrite the current one', async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const loads = { a: a.promise, b: b.promise };
    const { rerender } = render(<Probe id="a" loads={loads} />);
    rerender(<Probe id="b" loads={loads} />);
    await act(async () => b.resolve('answer b'));
    await act(async () => a.resolve('answer a'));
    expect(screen.getByText('answer b')).toBeTruthy();
    expect(screen.queryByText('answer a')).toBeNull();
  });
});
