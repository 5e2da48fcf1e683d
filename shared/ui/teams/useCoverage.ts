import { useEffect, useMemo, useState } from 'react';
import { coverageFindings, createWorkCalendar } from '../../domain/index.ts';
import type { CoverageResult, RegisterEntry, WorkCalendar } from '../../domain/index.ts';
import type { BatchRunner } from '../../graph/index.ts';
import { useAppServices } from '../AppContext.tsx';
import { openDormancyCache } from './dormancyCache.ts';
import type { DormancyCache } from './dormancyCache.ts';
import { startCoverageLoad } from './loadCoverageData.ts';
import type { CoverageData, LastIncomingData } from './loadCoverageData.ts';

export interface CoverageSnapshot {
  /** The entries the data was read for. */
  entries: readonly RegisterEntry[];
  data: CoverageData;
  result: CoverageResult;
  calendar: WorkCalendar;
  /** When it was read (epoch ms): "now" of the findings. */
  nowMs: number;
  /** Load time in ms and `$batch` requests it took so far. */
  loadMs: number;
  batches: number;
  /** The newest Inbox message of each mailbox is still being read: no dormancy findings yet. */
  dormancyPending: boolean;
}

export interface CoverageState {
  /** The latest snapshot; kept while a newer one loads, so the view does not blank out. */
  snapshot: CoverageSnapshot | null;
  loading: boolean;
}

/** The newest-message cache, opened once per page on first use (null without IndexedDB). */
let dormancyCache: Promise<DormancyCache | null> | null = null;
function sharedDormancyCache(): Promise<DormancyCache | null> {
  dormancyCache ??= openDormancyCache().catch(() => null);
  return dormancyCache;
}

/**
 * Coverage data and findings for these register entries, read through `runner`. Reads again when an
 * entry changes (its address, owner, deputy or eTag). The newest Inbox message of each mailbox comes
 * from the signed-in user's dormancy cache where it is fresh enough (see `dormancyRecheckReason`).
 */
export function useCoverage(entries: readonly RegisterEntry[], runner: BatchRunner): CoverageState {
  const { config, userPrincipalName } = useAppServices();
  const calendar = useMemo(() => createWorkCalendar(config.organisation.calendar), [config]);
  const key = entries.map((e) => `${e.address}|${e.owner ?? ''}|${e.deputy ?? ''}|${e.etag ?? ''}`).join();
  const [state, setState] = useState<{ key: string; snapshot: CoverageSnapshot } | null>(null);
  useEffect(() => {
    let current = true;
    const nowMs = Date.now();
    const started = performance.now();
    const batchesBefore = runner.stats.batches;
    const list = entries;
    const user = userPrincipalName?.trim().toLowerCase() ?? '';
    const load = startCoverageLoad(runner, list, {
      calendar,
      nowMs,
      dormancyCache: user === '' ? null : { cache: sharedDormancyCache(), user },
    });
    // Published twice: once the grid's data is in, and again with the Inbox heads for dormancy.
    const publish = (core: Omit<CoverageData, 'lastIncoming'>, heads: LastIncomingData | null) => {
      const data: CoverageData = {
        ...core,
        lastIncoming: heads?.lastIncoming ?? {},
        problems: [...core.problems, ...(heads?.problems ?? [])],
      };
      const result = coverageFindings({ entries: list, ...data, calendar, now: calendar.formatInstant(nowMs) });
      setState({
        key,
        snapshot: {
          entries: list,
          data,
          result,
          calendar,
          nowMs,
          loadMs: performance.now() - started,
          batches: runner.stats.batches - batchesBefore,
          dormancyPending: heads === null,
        },
      });
    };
    load.people
      .then(async (core) => {
        if (!current) return;
        publish(core, null);
        const heads = await load.lastIncoming;
        if (current) publish(core, heads);
      })
      .catch((error: unknown) => {
        if (current)
          setState(() => {
            throw error;
          });
      });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names the entries that matter
  }, [key, runner, calendar, userPrincipalName]);
  return { snapshot: state?.snapshot ?? null, loading: state?.key !== key };
}
