// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SUPPORTED_BROWSERS } from '../../src/core/browser-floor';

// public/browser-check.js runs before the app in any browser: below the floor it shows which browsers to
// use instead of a blank page; in a supported browser it stays silent unless the app fails to start.

const SCRIPT = readFileSync(resolve(import.meta.dirname, '../../public/browser-check.js'), 'utf8');
const CURRENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36';

function openPage(userAgent: string, modules = true): void {
  Object.defineProperty(window.navigator, 'userAgent', { value: userAgent, configurable: true });
  // jsdom does not implement `noModule`; every browser with ES modules does.
  if (modules) Object.defineProperty(HTMLScriptElement.prototype, 'noModule', { value: false, configurable: true });
  else delete (HTMLScriptElement.prototype as { noModule?: boolean }).noModule;
  document.body.innerHTML = '<div id="root"></div>';
  // As the page's first script: a classic script, run once.
  // biome-ignore lint/security/noGlobalEval: the test runs the page's classic script as the browser would, in jsdom.
  window.eval(SCRIPT);
}

const notice = () => document.getElementById('browser-notice');

describe('the browser check before the app', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('names the same supported browsers as the app', () => {
    expect(SCRIPT).toContain(`'${SUPPORTED_BROWSERS}'`);
  });

  it.each([
    ['360安全浏览器 12 (Chromium 78)', 'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/78.0.3904.108 Safari/537.36 QIHU 360SE'],
    ['Firefox ESR 102', 'Mozilla/5.0 (X11; Linux x86_64; rv:102.0) Gecko/20100101 Firefox/102.0'],
    ['360安全浏览器 兼容模式 (IE 11, no modules)', 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko'],
  ])('below the floor (%s): the page says which browser to use, and the app does not start', (_, ua) => {
    openPage(ua, !ua.includes('Trident'));
    expect(notice()?.getAttribute('role')).toBe('alert');
    expect(notice()?.textContent).toContain('这个浏览器版本过旧');
    expect(notice()?.textContent).toContain(SUPPORTED_BROWSERS);
    expect(notice()?.textContent).toContain('极速模式');
    expect(document.getElementById('root')).toBeNull();
  });

  it.each([
    ['Chromium 86', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36'],
    ['Firefox ESR 115', 'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0'],
    ['current Chrome', CURRENT],
  ])('at or above the floor (%s): nothing is shown', (_, ua) => {
    openPage(ua);
    expect(notice()).toBeNull();
    expect(document.getElementById('root')).not.toBeNull();
  });

  it('a supported browser where the app fails before showing anything gets the notice with the error, until the app shows', async () => {
    openPage(CURRENT);
    window.dispatchEvent(new ErrorEvent('error', { message: "SyntaxError: Unexpected token '{'" }));
    expect(notice()?.textContent).toContain('本程序未能在这个浏览器中启动');
    expect(notice()?.textContent).toContain("Unexpected token '{'");
    document.getElementById('root')!.append(document.createElement('main'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(notice()).toBeNull();
  });
});
