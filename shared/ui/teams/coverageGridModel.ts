import type {
  BothAwayFinding,
  CoverageDayStatus,
  CoverageFinding,
  CoveragePerson,
  CoveragePersonRef,
  CoverageResult,
  RegisterEntry,
} from '../../domain/index.ts';

export interface GridCellModel {
  date: string;
  /** `closed`: not one of this mailbox's working days (its own opening hours close it). */
  status: CoverageDayStatus | 'closed';
  /** The nominated people away during the day's opening hours, owner first. */
  away: CoveragePersonRef[];
  /** The coverage gap (both away) that touches this day, with its start and end. */
  gap: Pick<BothAwayFinding, 'start' | 'end'> | null;
}

export interface GridRowModel {
  mailbox: string;
  mailboxName: string;
  unit: string;
  people: CoveragePersonRef[];
  cells: GridCellModel[];
}

export interface GridModel {
  /** The columns: the working days ahead, as local dates `YYYY-MM-DD`. */
  dates: string[];
  rows: GridRowModel[];
}

/**
 * The coverage grid as the manager view shows it: one row per mailbox, one column per working day,
 * each cell with its status, who is away and — for a gap — when both are away. Columns are the
 * working days of the rows put together (the first `columns`), so a mailbox whose own opening hours
 * close a day shows that day as closed rather than shifting its columns.
 */
export function coverageGridModel(
  entries: readonly RegisterEntry[],
  result: CoverageResult,
  people: Readonly<Record<string, CoveragePerson>>,
  columns = 10,
): GridModel {
  const ref = (address: string): CoveragePersonRef => ({
    address,
    name: people[address]?.displayName?.trim() || address,
  });
  const dates = [...new Set(result.grid.flatMap((row) => row.days.map((day) => day.date)))]
    .sort()
    .slice(0, columns);
  const gaps = new Map<string, BothAwayFinding[]>();
  for (const finding of result.findings) {
    if (finding.kind !== 'bothAway') continue;
    gaps.set(finding.mailbox, [...(gaps.get(finding.mailbox) ?? []), finding]);
  }
  const entryOf = new Map(entries.map((entry) => [entry.address.trim().toLowerCase(), entry]));
  const rows = result.grid.map((row): GridRowModel => {
    const entry = entryOf.get(row.mailbox);
    const days = new Map(row.days.map((day) => [day.date, day]));
    return {
      mailbox: row.mailbox,
      mailboxName: entry?.displayName ?? row.mailbox,
      unit: entry?.unit ?? '',
      people: row.people.map(ref),
      cells: dates.map((date): GridCellModel => {
        const day = days.get(date);
        if (!day) return { date, status: 'closed', away: [], gap: null };
        const gap = (gaps.get(row.mailbox) ?? []).find((finding) => finding.dates.includes(date)) ?? null;
        return {
          date,
          status: day.status,
          away: day.away.map(ref),
          gap: gap && day.status === 'bothAway' ? { start: gap.start, end: gap.end } : null,
        };
      }),
    };
  });
  return { dates, rows };
}

/** Findings of the given mailboxes only (the manager's unit filter). */
export function findingsFor(findings: readonly CoverageFinding[], mailboxes: ReadonlySet<string>): CoverageFinding[] {
  return findings.filter((finding) => mailboxes.has(finding.mailbox));
}
