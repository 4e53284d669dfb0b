import type { Plugin, Rolldown } from 'vite';

// The single file's start must not parse the Word, Excel, chart and PDF code: a browser parses a script
// whole before running it, and those parts are most of the 3.9 MB. So the single-file build keeps its chunks,
// and this plugin holds each one's code in the page as text (<script type="text/plain" data-chunk>, which the
// browser neither runs nor parses as code; in <head>, out of the page's text). A small start script turns a chunk into a `blob:` module URL
// when it is first needed: its static imports of other chunks made first and written into its code as
// their blob URLs, so that each chunk is one module instance. Dynamic imports of chunks go through that
// loader, so a lazy part's code is parsed only when the clerk first uses it.

const LOADER_NAME = '__nianbaoChunk';
const relative = (fileName: string) => `./${fileName}`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The start script: the loader, then the entry chunk started through it. */
function loaderScript(entry: string, imports: Record<string, string[]>): string {
  // Plain ES2017: it runs in every supported browser before the polyfilled code.
  return `const imports=${JSON.stringify(imports)};const urls={};
const url=(name)=>{if(urls[name])return urls[name];
let code=document.querySelector('script[data-chunk="'+name+'"]').textContent;
for(const dep of imports[name])code=code.split(JSON.stringify("./"+dep)).join(JSON.stringify(url(dep)));
return urls[name]=URL.createObjectURL(new Blob([code],{type:"text/javascript"}));};
window.${LOADER_NAME}=(name)=>import(url(name));
window.${LOADER_NAME}(${JSON.stringify(entry)});`;
}

/** Rewrites the chunks of the single-file build into text held in the page and a loader that starts them. */
export function lazyChunks(): Plugin {
  return {
    name: 'nianbao-lazy-chunks',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        // The app's entry and what it loads; plugin-legacy's polyfills are another entry, a script of the page
        // that vite-plugin-singlefile inlines as it is.
        const isApp = (c: Rolldown.OutputChunk) => !c.isEntry || /index\.html$/.test(c.facadeModuleId ?? '');
        const chunks = Object.values(bundle).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk' && isApp(o));
        const entry = chunks.find((c) => c.isEntry);
        const page = Object.values(bundle).find((o): o is Rolldown.OutputAsset => o.type === 'asset' && o.fileName.endsWith('.html'));
        if (!entry || !page) throw new Error('the single-file build has no entry chunk or no page');
        const names = new Set(chunks.map((c) => c.fileName));
        const imports: Record<string, string[]> = {};
        const held: string[] = [];
        for (const chunk of chunks) {
          let code = chunk.code;
          for (const dynamic of chunk.dynamicImports.filter((d) => names.has(d))) {
            const call = new RegExp(`\\bimport\\((["'\`])${escapeRegExp(relative(dynamic))}\\1\\)`, 'g');
            if (!call.test(code)) throw new Error(`${chunk.fileName}: no import() of ${dynamic} to route through the loader`);
            code = code.replace(call, `${LOADER_NAME}(${JSON.stringify(dynamic)})`);
          }
          imports[chunk.fileName] = chunk.imports.filter((d) => names.has(d));
          for (const dep of imports[chunk.fileName]!) {
            if (!code.includes(JSON.stringify(relative(dep)))) throw new Error(`${chunk.fileName}: its import of ${dep} is not written as "./${dep}"`);
          }
          // The text ends at the first "</script": that sequence can only stand in a string, regex or comment,
          // where "<\/script" means the same.
          held.push(`<script type="text/plain" data-chunk="${chunk.fileName}">${code.replace(/<\/script/gi, '<\\/script')}</script>`);
          delete bundle[chunk.fileName];
        }
        // Worker files vite emits beside the chunks: pdf.js's worker is inlined (`?worker&inline`, its code a
        // string in a chunk); the 汇总 worker (`new URL('./summary.worker.ts', import.meta.url)`) cannot start in a
        // page opened from a file: relative to a blob: module's URL that URL throws and the engine runs in the page.
        for (const asset of Object.values(bundle)) {
          if (asset.type === 'asset' && /\.worker-[\w-]+\.js$/.test(asset.fileName)) delete bundle[asset.fileName];
        }
        assertAcyclic(imports);
        const html = String(page.source);
        const tag = new RegExp(`<script type="module"[^>]*\\bsrc="[^"]*${escapeRegExp(entry.fileName)}"[^>]*></script>`);
        if (!tag.test(html)) throw new Error(`the page does not load ${entry.fileName}`);
        page.source = html
          .replace(tag, () => `<script type="module">${loaderScript(entry.fileName, imports)}</script>`)
          .replace('</head>', () => `${held.join('\n')}\n</head>`);
      },
    },
  };
}

// A chunk's blob URL is written into its importers' code, so it must exist first: no import cycles.
function assertAcyclic(imports: Record<string, string[]>): void {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (path.includes(name)) throw new Error(`the chunks import each other in a cycle: ${[...path, name].join(' → ')}`);
    if (done.has(name)) return;
    for (const dep of imports[name] ?? []) visit(dep, [...path, name]);
    done.add(name);
  };
  for (const name of Object.keys(imports)) visit(name, []);
}
