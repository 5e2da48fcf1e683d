import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * Finds a Chromium for the browser tests: $CHROMIUM_PATH, then the usual Debian paths. When none is
 * there and we run as root (CI), installs Debian's `chromium` with apt-get. Never downloads a browser
 * from elsewhere (`npx playwright install` cannot work on these machines).
 */
export function findChromium(options: { install?: boolean; log?: (line: string) => void } = {}): string {
  const log = options.log ?? ((line: string) => console.log(line));
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist. Unset it or point it to a Chromium binary.`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (options.install !== false && isRoot && existsSync('/usr/bin/apt-get')) {
    log('[browser] Chromium not found: installing Debian package "chromium" with apt-get …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    if (install.status === 0 && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    '[browser] No Chromium found for the browser tests. Install one with `sudo apt-get install -y chromium` ' +
      '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}

/** Flags that keep headless Chromium off the (closed) network and quiet. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
