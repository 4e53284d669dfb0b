import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BUILD_WAIT_MS, buildApp } from './app-build';
import { launchChromium } from './browser';
import { serveStatic, type StaticServer } from './static-server';

// The built app served like an intranet server serves dist/, one Chromium page on it, for a describe block:
// what every browser test file starts with. Page errors and requests that leave the server are collected.

export type AppSession = {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly server: StaticServer;
  /** Uncaught page errors and console errors, in order. */
  readonly pageErrors: string[];
  /** Requests to anywhere but the app's own server (blob: and data: aside). */
  readonly foreignRequests: string[];
};

export function useAppSession(options: { viewport?: { width: number; height: number } } = {}): AppSession {
  let page: Page | undefined;
  let context: BrowserContext | undefined;
  let server: StaticServer | undefined;
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(await buildApp(), '/nianbao/');
    context = await launchChromium();
    page = context.pages()[0] ?? (await context.newPage());
    if (options.viewport) await page.setViewportSize(options.viewport);
    const origin = new URL(server.url).origin;
    context.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) foreignRequests.push(url);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  }, BUILD_WAIT_MS);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the app session is used before its beforeAll ran');
    return value;
  };
  return {
    get page() {
      return started(page);
    },
    get context() {
      return started(context);
    },
    get server() {
      return started(server);
    },
    pageErrors,
    foreignRequests,
  };
}
