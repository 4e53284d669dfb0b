import { existsSync } from 'node:fs';
import { chromium86, chromium86Missing } from './chromium86';
import { debianChromium } from './debian-chromium';
import type { Driver } from './driver';
import { firefoxEsr, firefoxMissing } from './firefox-esr';

// The browsers of the floor the app is tested in. A missing one fails loudly in CI and skips elsewhere.

export type BrowserId = 'debian-chromium' | 'chromium-86' | 'firefox-esr';

type BrowserEntry = { label: string; missing: () => string | undefined; launch: () => Promise<Driver> };

export const BROWSERS: Record<BrowserId, BrowserEntry> = {
  'debian-chromium': {
    label: "Debian's Chromium",
    missing: () => (existsSync('/usr/bin/chromium') ? undefined : '/usr/bin/chromium is missing: apt-get install -y chromium'),
    launch: debianChromium,
  },
  'chromium-86': { label: 'Chromium 86', missing: chromium86Missing, launch: chromium86 },
  'firefox-esr': { label: 'Firefox ESR', missing: firefoxMissing, launch: firefoxEsr },
};

/** True when the browser can run. In CI a missing one throws; elsewhere it prints why its tests are skipped. */
export function haveBrowser(id: BrowserId): boolean {
  const why = BROWSERS[id].missing();
  if (why === undefined) return true;
  if (process.env.CI === 'true') throw new Error(`${BROWSERS[id].label}: ${why} (required in CI)`);
  console.warn(`SKIPPED ${BROWSERS[id].label}: ${why}`);
  return false;
}
