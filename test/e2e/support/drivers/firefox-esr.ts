import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core-modern';
import type { Driver } from './driver';
import { puppeteerDriver, scratchFolder } from './puppeteer-driver';

// Debian's Firefox ESR (the browser of 麒麟 and UOS desktops), driven by puppeteer-core over WebDriver BiDi.

const FIREFOX = '/usr/bin/firefox-esr';

/** Why Firefox ESR cannot run here, or undefined when it can. */
export function firefoxMissing(): string | undefined {
  return existsSync(FIREFOX) ? undefined : `${FIREFOX} is missing: apt-get install -y firefox-esr`;
}

export async function firefoxEsr(): Promise<Driver> {
  const downloads = scratchFolder('firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 720 },
    extraPrefsFirefox: {
      // Save every download into our folder without asking, as a clerk's “always save” setting does.
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk':
        'application/octet-stream,text/plain,application/json,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'intl.accept_languages': 'zh-CN',
    },
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  return puppeteerDriver({
    page,
    version: await browser.version(),
    downloads,
    pasteBy: 'clipboard',
    watch(record) {
      page.on('console', (m) => void (m.type() === 'error' && record(m.text())));
      page.on('pageerror', (e) => record(e instanceof Error ? e.message : String(e)));
    },
    watchRequests: (record) => void page.on('request', (r) => record(r.url())),
    close: () => browser.close(),
  });
}
