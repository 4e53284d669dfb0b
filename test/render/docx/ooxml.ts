import JSZip from 'jszip';
import { createRequire } from 'node:module';

// Reads a .docx the way Word does: unzip, parse the XML parts, follow the relationships.

// jsdom ships no type declarations; only its DOMParser is used.
type JsdomModule = { JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } } };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;
const parser = new new JSDOM('').window.DOMParser();

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';


export type OpenedDocx = {
  zip: JSZip;
  document: Document;
  styles: Document;
  settings: Document;
  /** Footer parts by the type of their w:footerReference (default, even, first). */
  footers: Map<string, Document>;
};

export async function parseXml(zip: JSZip, path: string): Promise<Document> {
  const file = zip.file(path);
  if (!file) throw new Error(`${path} missing from the package`);
  const doc = parser.parseFromString(await file.async('string'), 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${path} is not well-formed XML: ${error.textContent}`);
  return doc;
}

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const document = await parseXml(zip, 'word/document.xml');
  const rels = await parseXml(zip, 'word/_rels/document.xml.rels');
  const targets = new Map(Array.from(rels.getElementsByTagName('Relationship')).map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
  const footers = new Map<string, Document>();
  for (const ref of all(document, 'footerReference')) {
    footers.set(attr(ref, 'type')!, await parseXml(zip, `word/${targets.get(ref.getAttributeNS(R, 'id'))}`));
  }
  return { zip, document, styles: await parseXml(zip, 'word/styles.xml'), settings: await parseXml(zip, 'word/settings.xml'), footers };
}

export const all = (root: Document | Element, name: string): Element[] => Array.from(root.getElementsByTagNameNS(W, name));
export const kids = (el: Element, name: string): Element[] => Array.from(el.children).filter((c) => c.namespaceURI === W && c.localName === name);
export const kid = (el: Element, name: string): Element | undefined => kids(el, name)[0];
export const attr = (el: Element | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;
/** A child's w:val, or null when the child is absent. */
export const val = (el: Element | undefined, ...path: string[]): string | null => {
  let at = el;
  for (const name of path) at = at ? kid(at, name) : undefined;
  return at ? (attr(at, 'val') ?? '') : null;
};

/** The text of a paragraph, table cell or run. */
export const textOf = (el: Element): string => all(el, 't').map((t) => t.textContent ?? '').join('');

/** The paragraphs and tables of the body, in order. */
export const bodyChildren = (doc: Document): Element[] => Array.from(all(doc, 'body')[0]!.children).filter((c) => c.localName !== 'sectPr');

/** A cell of a w:tbl placed on its grid: gridSpan gives the columns, vMerge continue extends the cell above. */
export type XmlAnchor = { row: number; col: number; rowSpan: number; colSpan: number; text: string; cell: Element };

export function tableAnchors(tbl: Element): { anchors: XmlAnchor[]; rows: Element[] } {
  const rows = kids(tbl, 'tr');
  const anchors: XmlAnchor[] = [];
  const open = new Map<number, XmlAnchor>(); // column → the anchor whose vertical merge is open there
  rows.forEach((tr, r) => {
    let col = 0;
    for (const tc of kids(tr, 'tc')) {
      const tcPr = kid(tc, 'tcPr');
      const colSpan = Number(val(tcPr, 'gridSpan') ?? 1);
      const vMerge = val(tcPr, 'vMerge');
      if (vMerge !== null && vMerge !== 'restart') {
        const above = open.get(col);
        if (!above || above.colSpan !== colSpan) throw new Error(`row ${r}, column ${col}: vMerge continue without a matching cell above`);
        if (textOf(tc) !== '') throw new Error(`row ${r}, column ${col}: a continued merge holds text`);
        above.rowSpan++;
      } else {
        const anchor: XmlAnchor = { row: r, col, rowSpan: 1, colSpan, text: textOf(tc), cell: tc };
        anchors.push(anchor);
        if (vMerge === 'restart') open.set(col, anchor);
        else open.delete(col);
      }
      col += colSpan;
    }
  });
  return { anchors, rows };
}
