// The Teams tab's view models and data loading: coverage data and findings, the coverage grid, CSV
// export, monthly statistics and the directory search of the deputy picker.

export { autoReplyNow } from './autoReplyNow.ts';
export type { AutoReplyNow } from './autoReplyNow.ts';
export { findingsCsv, gridCsv } from './coverageCsv.ts';
export type { CoverageCsvLabels } from './coverageCsv.ts';
export { coverageGridModel, findingsFor } from './coverageGridModel.ts';
export type { GridCellModel, GridModel, GridRowModel } from './coverageGridModel.ts';
export { toCsv } from './csv.ts';
export type { CsvValue } from './csv.ts';
export { describeFinding } from './describeFinding.ts';
export type { InstantFormatter } from './describeFinding.ts';
export { ABSENCE_WINDOW, loadCoverageData, nominatedPeople, startCoverageLoad, toAutoReplyState } from './loadCoverageData.ts';
export type { CoverageData, LastIncomingData } from './loadCoverageData.ts';
export { monthlyStatistics } from './monthlyStatistics.ts';
export type { MailboxStatistics, MonthStatistics, SourceCounts } from './monthlyStatistics.ts';
export { searchPeople } from './searchPeople.ts';
export type { DirectoryPerson } from './searchPeople.ts';
export { useCoverage } from './useCoverage.ts';
export type { CoverageSnapshot, CoverageState } from './useCoverage.ts';
export { useWindow, windowRange } from './useWindow.ts';
export type { WindowRange } from './useWindow.ts';
