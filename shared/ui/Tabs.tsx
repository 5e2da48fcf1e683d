import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { useTabsStyles } from './Tabs.styles.ts';

export interface TabItem<V extends string> {
  value: V;
  label: ReactNode;
  testId?: string;
}

interface Props<V extends string> {
  tabs: ReadonlyArray<TabItem<V>>;
  selected: V;
  onSelect(value: V): void;
  /** The list's accessible name. */
  label: string;
  /** Each tab's id is `${idPrefix}-${value}`; its panel, if it has an id, `${panelPrefix}-${value}`. */
  idPrefix: string;
  panelPrefix?: string;
  testId?: string;
}

/**
 * A WAI-ARIA tab list in Fluent's TabList look (tokens, indicator, focus outline): arrow keys move focus
 * (mirrored right-to-left), Home and End jump, Enter or Space selects, and Tab leaves the list from the
 * selected tab. Our own rather than Fluent's TabList because that one pulls in Tabster, about a sixth of
 * the task pane's 160 KB budget, for exactly this keyboard handling.
 */
export function Tabs<V extends string>({
  tabs,
  selected,
  onSelect,
  label,
  idPrefix,
  panelPrefix,
  testId,
}: Props<V>) {
  const styles = useTabsStyles();
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const rtl = list.current?.closest('[dir]')?.getAttribute('dir') === 'rtl';
    const next = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let target: number | null = null;
    if (next !== undefined) target = (at + next + buttons.length) % buttons.length;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = buttons.length - 1;
    if (target === null) return;
    event.preventDefault();
    buttons[target]?.focus();
  };

  return (
    <div
      ref={list}
      role="tablist"
      aria-label={label}
      className={styles.list}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      {tabs.map((tab) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            type="button"
            role="tab"
            id={`${idPrefix}-${tab.value}`}
            aria-selected={isSelected}
            aria-controls={panelPrefix && isSelected ? `${panelPrefix}-${tab.value}` : undefined}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
            data-testid={tab.testId}
          >
            <span className={styles.label}>{tab.label}</span>
            <span className={styles.reserved} aria-hidden="true">
              {tab.label}
            </span>
          </button>
        );
      })}
    </div>
  );
}
