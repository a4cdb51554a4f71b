/**
 * A real browser for the HTML tests: Debian's chromium (`/usr/bin/chromium`, installed by
 * `.ci/run`), driven by playwright-core (which downloads nothing). Outside CI a missing chromium
 * skips the browser tests with a message; in CI it is a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function skipWithoutChromium(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is not installed, but CI must run the browser tests (.ci/run installs Debian's chromium)`);
  return `chromium is not installed (${CHROMIUM}; Debian package chromium, .ci/run installs it): the browser tests are skipped here`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--allow-file-access-from-files'] });
}
