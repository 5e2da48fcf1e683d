// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { createI18n } from '../i18n/index.ts';
import { TranslationProvider } from '../i18n/react.tsx';
import { Loading, loadingDelayMs, useShownAfter } from './Loading.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const inSwedish = (node: React.ReactNode) => render(<TranslationProvider translator={createI18n('sv')}>{node}</TranslationProvider>);

describe('Loading', () => {
  it('shows nothing while a wait is short, and the spinner with its label once it is not', () => {
    vi.useFakeTimers();
    inSwedish(<Loading />);
    act(() => void vi.advanceTimersByTime(loadingDelayMs - 1));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/Laddar/)).toBeNull();
    act(() => void vi.advanceTimersByTime(1));
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.getByText(/Laddar/)).toBeTruthy();
  });

  it('takes its own label and size, and a delay of 0 shows it at once', () => {
    inSwedish(<Loading delayMs={0} size="tiny" label="Hämtar meddelanden …" />);
    expect(screen.getByText('Hämtar meddelanden …')).toBeTruthy();
  });

  it('never shows a spinner for what has loaded before the delay', () => {
    vi.useFakeTimers();
    const view = inSwedish(<Loading />);
    view.rerender(<TranslationProvider translator={createI18n('sv')}>{null}</TranslationProvider>);
    act(() => void vi.advanceTimersByTime(loadingDelayMs * 2));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});

describe('useShownAfter', () => {
  function Probe({ on }: { on: boolean }) {
    return <p data-testid="probe">{String(useShownAfter(on))}</p>;
  }
  const probe = () => screen.getByTestId('probe').textContent;

  it('turns true once `on` has held for the delay, and false the moment it does not', () => {
    vi.useFakeTimers();
    const view = render(<Probe on={false} />);
    act(() => void vi.advanceTimersByTime(loadingDelayMs * 2));
    expect(probe()).toBe('false');
    view.rerender(<Probe on />);
    act(() => void vi.advanceTimersByTime(loadingDelayMs - 1));
    expect(probe()).toBe('false');
    act(() => void vi.advanceTimersByTime(1));
    expect(probe()).toBe('true');
    view.rerender(<Probe on={false} />);
    expect(probe()).toBe('false');
    // A new wait starts from zero.
    view.rerender(<Probe on />);
    act(() => void vi.advanceTimersByTime(loadingDelayMs - 1));
    expect(probe()).toBe('false');
  });
});
