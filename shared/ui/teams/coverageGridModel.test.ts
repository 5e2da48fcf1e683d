import { describe, expect, it } from 'vitest';
import { coverageFindings, createWorkCalendar } from '../../domain/index.ts';
import type { CoverageInput, RegisterEntry } from '../../domain/index.ts';
import { findingsCsv, gridCsv } from './coverageCsv.ts';
import type { CoverageCsvLabels } from './coverageCsv.ts';
import { coverageGridModel, findingsFor } from './coverageGridModel.ts';

// Default calendar (Europe/Stockholm, Mon–Fri 08–17); now: Monday 16 November 2026, 07:00.
const calendar = createWorkCalendar();
const NOW = '2026-11-16T07:00:00+01:00';
const ANNA = 'anna.lind@sjoby.example';
const BO = 'bo.ek@sjoby.example';

function entry(address: string, owner: string | null, deputy: string | null, extra: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    itemId: address,
    etag: null,
    address,
    displayName: address.split('@')[0]!,
    kind: 'function',
    unit: 'Socialförvaltningen',
    owner,
    deputy,
    manager: null,
    policyPreset: 'mjolby-funktionsbrevlada',
    policy: { kind: 'sameOrNextWorkingDay' },
    openingHours: null,
    trackedSince: null,
    ...extra,
  };
}

function input(overrides: Partial<CoverageInput> = {}): CoverageInput {
  return {
    entries: [entry('aldreomsorg@sjoby.example', ANNA, BO), entry('gata@sjoby.example', ANNA, null)],
    people: {
      [ANNA]: { displayName: 'Anna Lind', found: true, accountEnabled: true },
      [BO]: { displayName: 'Bo Ek', found: true, accountEnabled: true },
    },
    absences: {
      [ANNA]: [{ start: '2026-11-17T00:00:00+01:00', end: '2026-11-20T00:00:00+01:00' }],
      [BO]: [{ start: '2026-11-18T00:00:00+01:00', end: '2026-11-19T00:00:00+01:00' }],
    },
    autoReplies: {},
    lastIncoming: {},
    calendar,
    now: NOW,
    ...overrides,
  };
}

const labels: CoverageCsvLabels = {
  mailbox: 'Brevlåda',
  address: 'Adress',
  unit: 'Förvaltning',
  severityHeading: 'Allvar',
  kindHeading: 'Typ',
  description: 'Beskrivning',
  people: 'Personer',
  severity: (s) => (s === 'error' ? 'Brist' : 'Varning'),
  kind: (k) => k,
  status: (s) => ({ covered: 'Täckt', oneAway: 'En borta', bothAway: 'Båda borta', closed: 'Stängt' })[s] ?? s,
};

describe('coverageGridModel', () => {
  const data = input();
  const result = coverageFindings(data);
  const grid = coverageGridModel(data.entries, result, data.people);

  it('has a column for each of the next 10 working days', () => {
    expect(grid.dates).toHaveLength(10);
    expect(grid.dates[0]).toBe('2026-11-16');
    expect(grid.dates).not.toContain('2026-11-21');
  });

  it('marks a day both are away as bothAway, with the names and the gap behind it', () => {
    const row = grid.rows.find((r) => r.mailbox === 'aldreomsorg@sjoby.example')!;
    const wednesday = row.cells.find((c) => c.date === '2026-11-18')!;
    expect(wednesday.status).toBe('bothAway');
    expect(wednesday.away.map((p) => p.name)).toEqual(['Anna Lind', 'Bo Ek']);
    expect(wednesday.gap).toEqual({ start: '2026-11-18T00:00:00+01:00', end: '2026-11-19T00:00:00+01:00' });
  });

  it('marks a day only one is away as oneAway, without a gap', () => {
    const row = grid.rows.find((r) => r.mailbox === 'aldreomsorg@sjoby.example')!;
    const tuesday = row.cells.find((c) => c.date === '2026-11-17')!;
    expect(tuesday).toMatchObject({ status: 'oneAway', gap: null });
    expect(tuesday.away.map((p) => p.address)).toEqual([ANNA]);
    expect(row.cells.find((c) => c.date === '2026-11-16')!.status).toBe('covered');
  });

  it('shows a day the mailbox’s own opening hours close as closed', () => {
    const closedFriday = input({
      entries: [entry('forskola@sjoby.example', ANNA, BO, { openingHours: { fri: null } }), entry('gata@sjoby.example', ANNA, BO)],
    });
    const model = coverageGridModel(closedFriday.entries, coverageFindings(closedFriday), closedFriday.people);
    const row = model.rows.find((r) => r.mailbox === 'forskola@sjoby.example')!;
    expect(row.cells.find((c) => c.date === '2026-11-20')!.status).toBe('closed');
    expect(row.cells.map((c) => c.date)).toEqual(model.dates);
  });

  it('keeps the findings of the chosen mailboxes only', () => {
    const only = findingsFor(result.findings, new Set(['gata@sjoby.example']));
    expect(only.map((f) => f.kind)).toEqual(['noDeputy']);
  });

  it('exports the grid as CSV with the dates as columns and who is away in each cell', () => {
    const csv = gridCsv(grid, labels);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(`"Brevlåda";"Adress";"Förvaltning";"Personer";${grid.dates.map((d) => `"${d}"`).join(';')}`);
    expect(lines[1]).toContain('"aldreomsorg";"aldreomsorg@sjoby.example";"Socialförvaltningen";"Anna Lind, Bo Ek";"Täckt";"En borta: Anna Lind";"Båda borta: Anna Lind, Bo Ek"');
  });

  it('exports the findings as CSV, one line each', () => {
    const csv = findingsCsv(result.findings, labels, (f) => `${f.kind} i ${f.mailboxName}`);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(result.findings.length + 1);
    expect(lines).toContain('"gata";"gata@sjoby.example";"Brist";"noDeputy";"noDeputy i gata"');
  });
});
