/*
 * Runs before the app's module scripts and in any browser (ES5, no modules). A browser older than the app
 * supports — Chromium 86 (360安全浏览器 13, 奇安信), Firefox ESR 115 — or 360's IE-based 兼容模式 gets a page
 * that says which browser to use, instead of a blank page. If the app fails to start for another reason,
 * the same page says so with the error, until the app shows.
 */
(function () {
  var SUPPORTED = '360安全浏览器 13 或更新版本（极速模式）、奇安信可信浏览器、Chrome 或 Edge 86 或更新版本、Firefox ESR 115 或更新版本';
  var ua = navigator.userAgent;

  function major(re) {
    var m = re.exec(ua);
    return m ? parseInt(m[1], 10) : 0;
  }

  function supported() {
    // ES modules; Element.replaceChildren arrived in Chromium 86 and Firefox 78; WeakRef in Chromium 84.
    if (!('noModule' in document.createElement('script'))) return false;
    if (typeof Element === 'undefined' || !('replaceChildren' in Element.prototype)) return false;
    if (typeof WeakRef !== 'function') return false;
    var chromium = major(/Chrom(?:e|ium)\/(\d+)/);
    var firefox = major(/Firefox\/(\d+)/);
    return !(chromium && chromium < 86) && !(firefox && firefox < 115);
  }

  function paragraph(text, className) {
    var p = document.createElement('p');
    if (className) p.className = className;
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function notice(title, detail) {
    var box = document.createElement('div');
    box.id = 'browser-notice';
    box.className = 'browser-notice';
    box.setAttribute('role', 'alert');
    var h = document.createElement('h1');
    h.appendChild(document.createTextNode(title));
    box.appendChild(h);
    box.appendChild(paragraph('请用以下浏览器之一打开本程序：' + SUPPORTED + '。'));
    box.appendChild(paragraph('使用 360安全浏览器或奇安信可信浏览器时，如地址栏右侧显示“兼容模式”（蓝色的 e 图标），请点击它，切换为“极速模式”。'));
    box.appendChild(paragraph('电脑上没有这些浏览器时，请联系本单位负责电脑维护的同事安装。'));
    if (detail) box.appendChild(paragraph(detail, 'browser-notice-detail'));
    box.appendChild(paragraph('当前浏览器：' + ua, 'browser-notice-detail'));
    return box;
  }

  function whenBody(show) {
    if (document.body) show();
    else document.addEventListener('DOMContentLoaded', show);
  }

  if (!supported()) {
    whenBody(function () {
      var root = document.getElementById('root');
      // Without its root the app does not start over the notice.
      if (root) root.parentNode.removeChild(root);
      document.body.appendChild(notice('这个浏览器版本过旧，无法使用本程序'));
    });
    return;
  }

  // A supported browser in which the app still fails before showing anything: say so instead of a blank page.
  function started() {
    var root = document.getElementById('root');
    return !!(root && root.firstChild);
  }
  window.addEventListener('error', function (e) {
    if (started() || document.getElementById('browser-notice')) return;
    whenBody(function () {
      var box = notice('本程序未能在这个浏览器中启动', '错误信息：' + (e.message || '（无）'));
      document.body.insertBefore(box, document.body.firstChild);
      var root = document.getElementById('root');
      if (!root || typeof MutationObserver === 'undefined') return;
      // The app showed after all: the notice goes.
      new MutationObserver(function (changes, observer) {
        if (!started()) return;
        observer.disconnect();
        if (box.parentNode) box.parentNode.removeChild(box);
      }).observe(root, { childList: true });
    });
  });
})();
