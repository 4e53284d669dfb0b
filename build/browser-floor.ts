// The oldest browsers nianbao supports: the Chromium 86 kernel of 360安全浏览器 13 and several 信创 browsers,
// and Firefox ESR 115 (麒麟, UOS). Syntax is lowered and APIs polyfilled for these (vite.config.ts);
// public/browser-check.js tells users of anything older which browser to use.
export const BROWSER_FLOOR = ['chrome >= 86', 'firefox >= 115'];
