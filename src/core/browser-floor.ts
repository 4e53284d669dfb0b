// The browsers the web app supports, in the words users see (start page, reading errors, README).
// public/browser-check.js, which must run before any module, repeats this sentence (a test keeps them equal).

export const SUPPORTED_BROWSERS = '360安全浏览器 13 或更新版本（极速模式）、奇安信可信浏览器、Chrome 或 Edge 86 或更新版本、Firefox ESR 115 或更新版本';
