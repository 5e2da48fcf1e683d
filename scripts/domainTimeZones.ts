/**
 * `npm run test:domain-tz`: runs the domain unit tests once per machine time zone. The domain must give
 * the same answers whatever the machine's own zone is (the calendar zone is an option, never the
 * machine's), so a test that passes by accident in one zone fails here. After date-fns, whose suite
 * runs under many zones in CI.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const zones = ['UTC', 'Europe/Stockholm', 'America/Los_Angeles', 'Pacific/Auckland'];

const results = zones.map((zone) => {
  console.log(`\n▶ domain tests with TZ=${zone}`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [vitest, 'run', '--project', 'unit', 'shared/domain'], {
    cwd: root,
    stdio: 'inherit',
    shell: false,
    env: { ...process.env, TZ: zone },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const passed = run.status === 0;
  const reason = run.error
    ? run.error.message
    : run.signal
      ? `signal ${run.signal}`
      : `exit code ${String(run.status)}`;
  return {
    zone,
    passed,
    line: `${passed ? '✓' : '✗'} TZ=${zone.padEnd(20)} ${passed ? 'passed' : `FAILED (${reason})`} in ${seconds} s`,
  };
});

console.log('\nDomain tests per machine time zone:');
for (const result of results) console.log(result.line);
const failed = results.filter((result) => !result.passed);
if (failed.length > 0) {
  console.error(
    `\n${failed.length} of ${zones.length} time zones failed: ${failed.map((result) => result.zone).join(', ')}. ` +
      'The domain must not depend on the machine time zone: look for Date methods without "UTC" or a missing timeZone option.',
  );
  process.exitCode = 1;
}
