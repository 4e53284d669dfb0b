import type { Driver } from './drivers/driver';

// Finding things on the page as a clerk names them (a button's words, a field's label), the same way in every
// browser: the search runs in the page and marks the element; the driver then clicks or types on it for real.

export type Role = 'button' | 'link' | 'textbox' | 'file';
/** A name matches exactly (after squeezing spaces), or by pattern. */
export type Name = string | RegExp;

type Query = { role: Role; name: { exact: string } | { source: string; flags: string }; within?: string };
const MARK = 'data-e2e-target';
const MARKED = `[${MARK}]`;

/** Runs in the page: marks the first element of the role with the name (inside `within`), and tells its name. */
function markInPage(q: Query): string | null {
  const selectors: Record<Role, string> = {
    button: 'button, [role=button], input[type=submit], input[type=button]',
    link: 'a[href], [role=link]',
    textbox: 'input:not([type=file]):not([type=checkbox]):not([type=radio]), textarea',
    file: 'input[type=file]',
  };
  const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return squeeze(label);
    const by = el.getAttribute('aria-labelledby');
    if (by) return squeeze(by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return squeeze(labels[0]!.textContent);
    return squeeze(el.textContent);
  };
  const wanted = q.name;
  const pattern = 'exact' in wanted ? null : new RegExp(wanted.source, wanted.flags);
  const matches = (s: string) => (pattern ? pattern.test(s) : s === (wanted as { exact: string }).exact);
  for (const old of Array.from(document.querySelectorAll('[data-e2e-target]'))) old.removeAttribute('data-e2e-target');
  const scopes = q.within ? Array.from(document.querySelectorAll(q.within)) : [document.documentElement];
  for (const scope of scopes) {
    for (const el of Array.from(scope.querySelectorAll(selectors[q.role]))) {
      const shown = q.role === 'file' || el.getClientRects().length > 0;
      if (shown && matches(nameOf(el))) {
        el.setAttribute('data-e2e-target', '');
        return nameOf(el);
      }
    }
  }
  return null;
}

const toQuery = (role: Role, name: Name, within?: string): Query => ({
  role,
  name: typeof name === 'string' ? { exact: name } : { source: name.source, flags: name.flags },
  within,
});

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

export const DEFAULT_WAIT_MS = 20_000;

export type Ui = ReturnType<typeof ui>;

export function ui(d: Driver) {
  /** Polls a page function until it returns something truthy; fails saying what was awaited and what was last seen. */
  async function until<R, A>(what: string, fn: (arg: A) => R | Promise<R>, arg: A, timeoutMs = DEFAULT_WAIT_MS): Promise<Truthy<R>> {
    const deadline = Date.now() + timeoutMs;
    let last: R | undefined;
    for (;;) {
      last = await d.evaluate(fn, arg);
      if (last) return last as Truthy<R>;
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}; last saw ${JSON.stringify(last)}; page problems: ${JSON.stringify(d.problems)}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  /** Marks the element, waiting for it to appear. */
  const mark = (role: Role, name: Name, within?: string) => until(`${role} “${String(name)}”${within ? ` in ${within}` : ''}`, markInPage, toQuery(role, name, within));

  return {
    until,
    mark,
    async click(role: Role, name: Name, within?: string) {
      await mark(role, name, within);
      await d.click(MARKED);
    },
    /** Clicks into the field, selects what it holds and types over it. */
    async fill(name: Name, text: string, within?: string) {
      await mark('textbox', name, within);
      await d.click(MARKED);
      await d.evaluate((sel) => {
        const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel)!;
        el.focus();
        el.select();
      }, MARKED);
      await d.type(text);
    },
    async value(name: Name, within?: string) {
      await mark('textbox', name, within);
      return d.evaluate((sel) => document.querySelector<HTMLInputElement>(sel)!.value, MARKED);
    },
    /** Waits until the field holds the value. */
    valueIs: (name: string, value: string, within?: string) =>
      until(
        `“${name}” to hold “${value}”`,
        (q) => {
          const el = Array.from(document.querySelectorAll<HTMLInputElement>(q.within ? `${q.within} input, ${q.within} textarea` : 'input, textarea')).find(
            (e) => e.getAttribute('aria-label') === q.name || e.labels?.[0]?.textContent?.trim() === q.name,
          );
          return el?.value === q.value;
        },
        { name, value, within },
      ),
    /** Every cell of the shown table, by its name. */
    gridValues: () =>
      d.evaluate(() => {
        const out: Record<string, string> = {};
        for (const el of Array.from(document.querySelectorAll<HTMLInputElement>('table.grid input'))) out[el.getAttribute('aria-label')!] = el.value;
        return out;
      }, null),
    /** The name of the focused element: its aria-label, or its label's text. */
    focused: () =>
      d.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return (el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
      }, null),
    /** Waits until some element matching the selector contains the text (or matches the pattern). */
    textShown: (selector: string, text: Name, timeoutMs?: number) =>
      until(
        `${selector} showing “${String(text)}”`,
        (q) => {
          const re = q.source === null ? null : new RegExp(q.source, q.flags);
          return Array.from(document.querySelectorAll(q.selector)).some((el) => (re ? re.test(el.textContent ?? '') : (el.textContent ?? '').includes(q.text)));
        },
        typeof text === 'string' ? { selector, text, source: null, flags: '' } : { selector, text: '', source: text.source, flags: text.flags },
        timeoutMs,
      ),
    /** Pastes text into the field as a copy from Excel or Word arrives. */
    async paste(name: Name, text: string) {
      await mark('textbox', name);
      await d.paste(MARKED, text);
    },
    /** Picks files in the file input with this name, as the file dialog does. */
    async pickFiles(name: Name, paths: readonly string[], within?: string) {
      await mark('file', name, within);
      await d.setFiles(MARKED, paths);
    },
  };
}
