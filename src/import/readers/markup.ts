// A small, tolerant tokenizer for HTML and Office XML: no DOM is available in Node, and a damaged
// or hostile file must never throw or hang (linear scan, no backtracking regexes over the whole input).

export type Tag = { type: 'open' | 'close'; name: string; attrs: Record<string, string>; selfClosing: boolean };
export type Token = Tag | { type: 'text'; text: string };

const ATTR = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

const TAG_NAME = /<(\/?)([A-Za-z][\w:.-]*)/y;

/**
 * Tokens in document order; comments, doctype and processing instructions dropped; the content of
 * raw-text elements (script, style) skipped. Attributes are parsed only for tags `wantAttrs` names.
 */
export function* tokenize(
  input: string,
  rawTextTags: ReadonlySet<string> = new Set(),
  wantAttrs: (name: string) => boolean = () => true,
): Generator<Token> {
  let i = 0;
  const n = input.length;
  while (i < n) {
    const lt = input.indexOf('<', i);
    if (lt < 0) {
      yield { type: 'text', text: input.slice(i) };
      return;
    }
    if (lt > i) yield { type: 'text', text: input.slice(i, lt) };
    const next = input.charCodeAt(lt + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      if (input.startsWith('<!--', lt)) {
        const end = input.indexOf('-->', lt + 4);
        i = end < 0 ? n : end + 3;
      } else if (input.startsWith('<![CDATA[', lt)) {
        const end = input.indexOf(']]>', lt + 9);
        yield { type: 'text', text: input.slice(lt + 9, end < 0 ? n : end) };
        i = end < 0 ? n : end + 3;
      } else {
        const end = input.indexOf('>', lt);
        i = end < 0 ? n : end + 1;
      }
      continue;
    }
    TAG_NAME.lastIndex = lt;
    const m = TAG_NAME.exec(input);
    if (!m) {
      yield { type: 'text', text: '<' };
      i = lt + 1;
      continue;
    }
    const bodyStart = lt + m[0].length;
    const end = findTagEnd(input, bodyStart);
    const bodyEnd = end < 0 ? n : end;
    i = end < 0 ? n : end + 1;
    const name = m[2]!.toLowerCase();
    const selfClosing = input.charCodeAt(bodyEnd - 1) === 47; /* / */
    const closing = m[1] === '/';
    const attrs = !closing && bodyEnd > bodyStart && wantAttrs(name) ? parseAttrs(input.slice(bodyStart, bodyEnd)) : {};
    yield { type: closing ? 'close' : 'open', name, attrs, selfClosing };
    if (!closing && !selfClosing && rawTextTags.has(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = i;
      i = close.exec(input)?.index ?? n;
    }
  }
}

/** The `>` closing a tag, skipping quoted attribute values. */
function findTagEnd(s: string, from: number): number {
  let i = from;
  for (;;) {
    const gt = s.indexOf('>', i);
    if (gt < 0) return -1;
    // A quote opened before the '>' and not closed means the '>' is inside an attribute value.
    let q = i;
    let open = -1;
    while (q < gt) {
      const c = s.charCodeAt(q);
      if (c === 34 || c === 39) {
        const close = s.indexOf(String.fromCharCode(c), q + 1);
        if (close < 0) return -1;
        if (close > gt) {
          open = close;
          break;
        }
        q = close + 1;
      } else q++;
    }
    if (open < 0) return gt;
    i = open + 1;
  }
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·',
  times: '×', divide: '÷', yen: '¥', copy: '©', reg: '®', bull: '•',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});?/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[e.toLowerCase()] ?? all;
  });
}
