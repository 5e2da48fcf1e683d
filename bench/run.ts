/** `npm run bench`: every benchmark, one after the other, with its figures printed. Not pass/fail. */
import { runBundleSizeBenchmark } from './bundleSize.bench.ts';
import { runDeadlineBenchmark } from './deadlines.bench.ts';
import { runManagerBenchmark } from './manager.bench.ts';
import { runSyncBenchmark } from './sync.bench.ts';
import { runTaskpaneBenchmark } from './taskpane.bench.ts';

const only = process.argv[2];
const benches: Array<[string, () => Promise<unknown>]> = [
  ['deadlines', () => runDeadlineBenchmark()],
  ['sync', () => runSyncBenchmark()],
  ['manager view', () => runManagerBenchmark()],
  ['task pane start', () => runTaskpaneBenchmark()],
  ['bundle size', () => runBundleSizeBenchmark()],
];

for (const [name, run] of benches) {
  if (only && !name.startsWith(only)) continue;
  console.log(`\n■ ${name}`);
  const figures = await run();
  if (Array.isArray(figures)) console.table(figures);
  else if (figures && typeof figures === 'object') console.log(JSON.stringify(figures, null, 2));
}
