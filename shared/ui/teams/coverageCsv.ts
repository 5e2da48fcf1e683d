import type { CoverageFinding } from '../../domain/index.ts';
import { toCsv } from './csv.ts';
import type { GridModel } from './coverageGridModel.ts';

/** Column headings and cell words, translated by the caller. */
export interface CoverageCsvLabels {
  mailbox: string;
  address: string;
  unit: string;
  severity: (severity: CoverageFinding['severity']) => string;
  kind: (kind: CoverageFinding['kind']) => string;
  severityHeading: string;
  kindHeading: string;
  description: string;
  people: string;
  status: (status: string) => string;
}

/** The findings as CSV: mailbox, address, severity, kind, description. */
export function findingsCsv(
  findings: readonly CoverageFinding[],
  labels: CoverageCsvLabels,
  describe: (finding: CoverageFinding) => string,
): string {
  return toCsv([
    [labels.mailbox, labels.address, labels.severityHeading, labels.kindHeading, labels.description],
    ...findings.map((f) => [f.mailboxName, f.mailbox, labels.severity(f.severity), labels.kind(f.kind), describe(f)]),
  ]);
}

/** The grid as CSV: a row per mailbox, a column per working day; a cell is its status and who is away. */
export function gridCsv(grid: GridModel, labels: CoverageCsvLabels): string {
  return toCsv([
    [labels.mailbox, labels.address, labels.unit, labels.people, ...grid.dates],
    ...grid.rows.map((row) => [
      row.mailboxName,
      row.mailbox,
      row.unit,
      row.people.map((p) => p.name).join(', '),
      ...row.cells.map((cell) =>
        cell.away.length > 0
          ? `${labels.status(cell.status)}: ${cell.away.map((p) => p.name).join(', ')}`
          : labels.status(cell.status),
      ),
    ]),
  ]);
}
