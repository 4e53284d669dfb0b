// puppeteer-core 5.3.1 ships its types but does not name them in its package.json.
declare module 'puppeteer-core' {
  const puppeteer: import('puppeteer-core/lib/cjs/puppeteer/api-docs-entry.js').Puppeteer;
  export default puppeteer;
}
