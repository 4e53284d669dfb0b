import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type InlineConfig, type Plugin, type Rolldown } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { lazyChunks } from './lazy-chunks.ts';
import { withSingleFilePolicy } from './single-file-policy.ts';
import { zodFirst } from './zod-chunk.ts';

// dist/nianbao.html: the whole app in one file that opens by double-click (file://), where browsers refuse
// module scripts from files and every file the page would load must already be inside it. A second build
// after the app's own: its chunks held in the page as text and started as blob: modules when first needed
// (lazy-chunks.ts: the Word, Excel, chart and PDF code is neither parsed nor run before), the polyfills and
// styles inlined by vite-plugin-singlefile, the pdf.js worker inlined as a Blob worker, the browser check
// and the icon inlined too; the policy then allows exactly those inline scripts and styles by their hashes,
// and blob: scripts.

export const SINGLE_FILE = 'nianbao.html';

/** The single-file build's own plugins, added to the app's plugins (see vite.config.ts). */
export function singleFilePlugins(root: string): Plugin[] {
  return [
    inlineWorkers(),
    {
      name: 'nianbao-inline-page-files',
      transformIndexHtml: {
        order: 'pre',
        handler: (html) =>
          html
            .replace(/<script src="\.\/browser-check\.js"><\/script>/, () => `<script>${readPublic(root, 'browser-check.js').trim()}</script>`)
            .replace(/<link rel="icon" href="\.\/favicon\.svg"[^>]*>/, () => {
              const svg = Buffer.from(readPublic(root, 'favicon.svg')).toString('base64');
              return `<link rel="icon" href="data:image/svg+xml;base64,${svg}" type="image/svg+xml" />`;
            }),
      },
    },
    lazyChunks(),
    // Its recommended config would put the whole app in one chunk; the chunks are kept (see lazyChunks), with
    // the rest of that config set in singleFileBuild.
    viteSingleFile({ outputFileName: SINGLE_FILE, useRecommendedBuildConfig: false }) as Plugin,
  ];
}

/** `import X from './w?worker'` becomes a worker started from a Blob of its code, held in the bundle; also inside
 * workers (the 汇总 page's worker starts pdf.js's). */
export function inlineWorkers(): Plugin {
  return {
    name: 'nianbao-inline-workers',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/[?&]worker$/.test(source)) return null;
      return this.resolve(`${source}&inline`, importer, { ...options, skipSelf: true });
    },
  };
}

const readPublic = (root: string, name: string): string => readFileSync(join(root, 'public', name), 'utf8');

/**
 * Runs the single-file build when the app's build has finished and writes nianbao.html beside index.html.
 * `config` gives the single-file build's configuration (the app's, plus `singleFilePlugins`).
 */
export function singleFileBuild(config: () => InlineConfig): Plugin {
  let outDir = '';
  return {
    name: 'nianbao-single-file-build',
    apply: 'build',
    configResolved(resolved) {
      outDir = resolve(resolved.root, resolved.build.outDir);
    },
    async closeBundle() {
      const base = config();
      const result = (await build({
        ...base,
        configFile: false,
        logLevel: 'warn',
        build: {
          ...base.build,
          write: false,
          copyPublicDir: false,
          // What vite-plugin-singlefile's recommended config sets, besides one chunk: every asset inlined, one
          // style sheet, files beside the page; no <link rel=modulepreload>, which a page of text chunks cannot use.
          assetsInlineLimit: () => true,
          chunkSizeWarningLimit: 100_000_000,
          cssCodeSplit: false,
          assetsDir: '',
          modulePreload: false,
          rolldownOptions: {
            output: {
              codeSplitting: { groups: [zodFirst] },
            },
            // vite-plugin-singlefile warns that the app's policy forbids the inlined code: the policy is
            // replaced below by one that allows exactly that code.
            onLog: (level, log, handler) => {
              if (log.plugin === 'vite:singlefile' && /Content-Security-Policy/.test(log.message)) return;
              handler(level, log);
            },
          },
        },
      })) as Rolldown.RolldownOutput;
      const files = result.output.map((o) => o.fileName);
      const page = result.output.find((o): o is Rolldown.OutputAsset => o.fileName === SINGLE_FILE && o.type === 'asset');
      // Anything besides the page would be a file the page needs but cannot load from file://.
      if (!page || files.length !== 1) throw new Error(`the single-file build wrote ${files.join(', ')}: only ${SINGLE_FILE} may be written`);
      writeFileSync(join(outDir, SINGLE_FILE), withSingleFilePolicy(String(page.source)));
    },
  };
}
