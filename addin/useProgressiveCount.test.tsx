// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { entryMinHeightPx, firstScreenCount, useProgressiveCount } from './useProgressiveCount.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('firstScreenCount', () => {
  it('is as many entries as fit in the viewport even with nothing above the list', () => {
    expect(firstScreenCount(720)).toBe(9);
    expect(firstScreenCount(720) * entryMinHeightPx).toBeGreaterThanOrEqual(720);
    expect(firstScreenCount(1600)).toBe(20);
  });

  it('is at least 4, and reads an unknown height as 720 px', () => {
    expect(firstScreenCount(200)).toBe(4);
    expect(firstScreenCount(0)).toBe(9);
    expect(firstScreenCount(Number.NaN)).toBe(9);
  });
});

describe('useProgressiveCount', () => {
  function Probe({ total, first }: { total: number; first: number }) {
    return <p data-testid="count">{useProgressiveCount(total, first)}</p>;
  }
  const count = () => Number(screen.getByTestId('count').textContent);

  it('renders a first screen at first and everything from the next frame on', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout'] });
    const view = render(<Probe total={30} first={9} />);
    expect(count()).toBe(9);
    await act(async () => void vi.advanceTimersToNextFrame());
    expect(count()).toBe(30);
    // Once all were shown, a longer list is shown whole at once.
    view.rerender(<Probe total={40} first={9} />);
    expect(count()).toBe(40);
  });

  it('renders a short list whole at once', () => {
    render(<Probe total={5} first={9} />);
    expect(count()).toBe(5);
  });
});
