// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Tabs } from './Tabs.tsx';

afterEach(cleanup);

type V = 'one' | 'two' | 'three';

function Harness({ dir = 'ltr' }: { dir?: 'ltr' | 'rtl' }) {
  const [selected, setSelected] = useState<V>('one');
  return (
    <FluentProvider theme={webLightTheme} dir={dir}>
      <button type="button">before</button>
      <Tabs<V>
        tabs={[
          { value: 'one', label: 'Ett', testId: 't-one' },
          { value: 'two', label: 'Två', testId: 't-two' },
          { value: 'three', label: 'Tre', testId: 't-three' },
        ]}
        selected={selected}
        onSelect={setSelected}
        label="Vyer"
        idPrefix="tab"
        panelPrefix="panel"
      />
      <div role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`}>
        {selected}
      </div>
    </FluentProvider>
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });
const key = (name: string, k: string) => fireEvent.keyDown(tab(name), { key: k });

describe('Tabs', () => {
  it('is a named tab list whose selected tab controls the visible panel', () => {
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Vyer' })).toBeTruthy();
    expect(tab('Ett').getAttribute('aria-selected')).toBe('true');
    expect(tab('Två').getAttribute('aria-selected')).toBe('false');
    expect(tab('Ett').getAttribute('aria-controls')).toBe('panel-one');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-one');
  });

  it('has one tab stop, the selected tab', () => {
    render(<Harness />);
    expect(['Ett', 'Två', 'Tre'].map((n) => tab(n).tabIndex)).toEqual([0, -1, -1]);
    fireEvent.click(tab('Tre'));
    expect(['Ett', 'Två', 'Tre'].map((n) => tab(n).tabIndex)).toEqual([-1, -1, 0]);
  });

  it('moves focus with the arrow keys, wrapping, and jumps with Home and End, without selecting', () => {
    render(<Harness />);
    tab('Ett').focus();
    key('Ett', 'ArrowRight');
    expect(document.activeElement).toBe(tab('Två'));
    key('Två', 'ArrowRight');
    key('Tre', 'ArrowRight');
    expect(document.activeElement).toBe(tab('Ett'));
    key('Ett', 'ArrowLeft');
    expect(document.activeElement).toBe(tab('Tre'));
    key('Tre', 'Home');
    expect(document.activeElement).toBe(tab('Ett'));
    key('Ett', 'End');
    expect(document.activeElement).toBe(tab('Tre'));
    expect(tab('Ett').getAttribute('aria-selected')).toBe('true');
  });

  it('selects the focused tab on activation (Enter and Space click a button)', () => {
    render(<Harness />);
    tab('Ett').focus();
    key('Ett', 'ArrowRight');
    fireEvent.click(document.activeElement as HTMLElement);
    expect(tab('Två').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toBe('two');
  });

  it('mirrors the arrow keys right to left', () => {
    render(<Harness dir="rtl" />);
    tab('Ett').focus();
    key('Ett', 'ArrowLeft');
    expect(document.activeElement).toBe(tab('Två'));
  });

  it('ignores other keys', () => {
    render(<Harness />);
    tab('Ett').focus();
    key('Ett', 'a');
    expect(document.activeElement).toBe(tab('Ett'));
  });
});
