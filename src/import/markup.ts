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

/** Tokens in document order; comments, doctype and processing instructions dropped; raw text of skipped elements not tokenized. */
export function* tokenize(input: string, rawTextTags: ReadonlySet<string> = new Set()): Generator<Token> {
  let i = 0;
  const n = input.length;
  while (i < n) {
    const lt = input.indexOf('<', i);
    if (lt < 0) {
      yield { type: 'text', text: input.slice(i) };
      return;
    }
    if (lt > i) yield { type: 'text', text: input.slice(i, lt) };
    if (input.startsWith('<!--', lt)) {
      const end = input.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (input.startsWith('<![CDATA[', lt)) {
      const end = input.indexOf(']]>', lt + 9);
      yield { type: 'text', text: input.slice(lt + 9, end < 0 ? n : end) };
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (input[lt + 1] === '!' || input[lt + 1] === '?') {
      const end = input.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const m = /^<(\/?)([A-Za-z][\w:.-]*)/.exec(input.slice(lt, lt + 64));
    if (!m) {
      yield { type: 'text', text: '<' };
      i = lt + 1;
      continue;
    }
    const end = findTagEnd(input, lt + m[0].length);
    const body = input.slice(lt + m[0].length, end < 0 ? n : end);
    i = end < 0 ? n : end + 1;
    const name = m[2]!.toLowerCase();
    const selfClosing = body.trimEnd().endsWith('/');
    yield { type: m[1] ? 'close' : 'open', name, attrs: m[1] ? {} : parseAttrs(body), selfClosing };
    if (!m[1] && !selfClosing && rawTextTags.has(name)) {
      const close = input.toLowerCase().indexOf(`</${name}`, i);
      i = close < 0 ? n : close;
    }
  }
}

/** The `>` closing a tag, skipping quoted attribute values. */
function findTagEnd(s: string, from: number): number {
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
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
