/**
 * `npm test`: type-check, lint, unit tests, the domain suite under four time zones, integration tests
 * and real-browser tests. Finds (or, as root, installs) Chromium first. Runs every step and fails if any failed.
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from '../test/support/findChromium.ts';

const bin = (name: string) => `node_modules/.bin/${name}`;
const steps: Array<{ name: string; run: () => number }> = [
  { name: 'type-check', run: () => exec(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) },
  { name: 'lint', run: () => exec(bin('eslint'), ['.', '--max-warnings=0']) },
  { name: 'unit', run: () => exec(bin('vitest'), ['run', '--project', 'unit']) },
  { name: 'domain under 4 time zones', run: () => exec(bin('tsx'), ['scripts/domainTimeZones.ts']) },
  { name: 'integration', run: () => exec(bin('vitest'), ['run', '--project', 'integration']) },
  {
    name: 'browser (end-to-end, accessibility)',
    run: () => {
      try {
        process.env.CHROMIUM_PATH = findChromium();
      } catch (error) {
        console.error(error instanceof Error ? error.message : error);
        return 1;
      }
      return exec(bin('vitest'), ['run', '--project', 'e2e']);
    },
  },
];

function exec(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

const only = process.argv.slice(2);
const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
for (const step of steps) {
  if (only.length > 0 && !only.some((o) => step.name.startsWith(o))) continue;
  console.log(`\n▶ ${step.name}`);
  const started = performance.now();
  const ok = step.run() === 0;
  results.push({ name: step.name, ok, seconds: (performance.now() - started) / 1000 });
}
console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name} (${r.seconds.toFixed(1)} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
