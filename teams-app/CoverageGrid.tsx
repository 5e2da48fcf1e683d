import { useState } from 'react';
import { mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from '../shared/i18n/react.tsx';
import { dateLocale, formatDateTime, useAppServices } from '../shared/ui/index.ts';
import { useWindow } from '../shared/ui/teams/index.ts';
import type { GridCellModel, GridModel, GridRowModel } from '../shared/ui/teams/index.ts';
import { formatDay } from './formatDay.ts';
import { ROW_HEIGHT, VIEWPORT, useCoverageGridStyles } from './CoverageGrid.styles.ts';

const symbol: Record<GridCellModel['status'], string> = { covered: '✓', oneAway: '◐', bothAway: '✕', closed: '–' };

/**
 * Mailbox × working day: covered, one away or both away, told by a word and a symbol as well as by a
 * pattern (dots for one away, stripes for both). A cell with someone away is a button: it writes who
 * is away and when into the detail line below (a live region), for mouse, keyboard and screen readers.
 * Rows are windowed: only those in view are rendered.
 */
export function CoverageGrid({ grid }: { grid: GridModel }) {
  const { t, i18n } = useTranslation();
  const styles = useCoverageGridStyles();
  const { config } = useAppServices();
  const locale = dateLocale(i18n.language);
  const zone = config.organisation.calendar.timeZone ?? 'Europe/Stockholm';
  const { range, onScroll } = useWindow(grid.rows.length, ROW_HEIGHT, VIEWPORT);
  const [detail, setDetail] = useState('');

  const describe = (row: GridRowModel, cell: GridCellModel) => {
    const day = formatDay(cell.date, locale);
    const names = cell.away.map((p) => p.name).join(', ');
    if (cell.status === 'bothAway' && cell.gap)
      return t('teams.grid.detailBoth', {
        mailbox: row.mailboxName,
        day,
        names,
        from: formatDateTime(cell.gap.start, locale, zone),
        until: formatDateTime(cell.gap.end, locale, zone),
      });
    return t('teams.grid.detailAway', { mailbox: row.mailboxName, day, names, status: t(`teams.grid.${cell.status}`) });
  };

  return (
    <>
      <div
        className={styles.scroller}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-labelledby="grid-caption"
        data-testid="coverage-grid"
      >
        <table className={styles.table} aria-rowcount={grid.rows.length + 1}>
          <caption id="grid-caption" style={{ textAlign: 'start', padding: tokens.spacingHorizontalS }}>
            {t('teams.grid.caption', { days: grid.dates.length })}
          </caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className={mergeClasses(styles.th, styles.mailboxTh)}>
                {t('tab.mailbox')}
              </th>
              {grid.dates.map((date) => (
                <th key={date} scope="col" className={styles.th}>
                  <time dateTime={date}>{formatDay(date, locale)}</time>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {range.before > 0 && (
              <tr aria-hidden="true">
                <td className={styles.spacer} style={{ height: range.before }} colSpan={grid.dates.length + 1} />
              </tr>
            )}
            {grid.rows.slice(range.start, range.end).map((row, i) => (
              <tr key={row.mailbox} aria-rowindex={range.start + i + 2} data-testid="grid-row" data-mailbox={row.mailbox}>
                <th scope="row" className={styles.rowHead} title={`${row.mailboxName} (${row.mailbox})`}>
                  {row.mailboxName}
                </th>
                {row.cells.map((cell) => (
                  <td
                    key={cell.date}
                    className={mergeClasses(styles.cell, styles[cell.status])}
                    data-status={cell.status}
                    data-date={cell.date}
                  >
                    {cell.status === 'covered' || cell.status === 'closed' ? (
                      <span>
                        <span aria-hidden="true">{symbol[cell.status]} </span>
                        {t(`teams.grid.${cell.status}`)}
                      </span>
                    ) : (
                      <button
                        type="button"
                        className={mergeClasses(styles.cellButton, cell.status === 'bothAway' && styles.strong)}
                        title={describe(row, cell)}
                        onClick={() => setDetail(describe(row, cell))}
                      >
                        <span aria-hidden="true">{symbol[cell.status]} </span>
                        {t(`teams.grid.${cell.status}`)}
                      </button>
                    )}
                  </td>
                ))}
              </tr>
            ))}
            {range.after > 0 && (
              <tr aria-hidden="true">
                <td className={styles.spacer} style={{ height: range.after }} colSpan={grid.dates.length + 1} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className={styles.detail} aria-live="polite" data-testid="grid-detail">
        {detail || t('teams.grid.detailHint')}
      </p>
    </>
  );
}
