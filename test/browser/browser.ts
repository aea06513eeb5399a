import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { tokenOf, type SeededUserId } from '../e2e/client.ts';

/** Where browser runs save their screenshots (git-ignored). */
export const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname;

/** The gateway's origin under test (it serves the workspace at `/`). */
export function origin(): string {
  return new URL(inject('gatewayUrl')).origin;
}

/** Debian's chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser & AsyncDisposable> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return Object.assign(browser, { [Symbol.asyncDispose]: () => browser.close() });
}

/**
 * One browser for the test file that calls it (at the top level): launched in beforeAll, closed in
 * afterAll. What it returns opens contexts in that browser, so it can be handed to isolatedPage.
 */
export function browserPerFile(): Pick<Browser, 'newContext'> {
  let browser: (Browser & AsyncDisposable) | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    newContext: (...args) => {
      if (browser === undefined) throw new Error('the browser is launched in beforeAll: open pages inside tests');
      return browser.newContext(...args);
    },
  };
}

/**
 * A page that may talk to the gateway only: every request elsewhere is aborted and recorded, so a
 * test can prove the workspace needs nothing from outside (no CDN, no web fonts).
 */
export async function isolatedPage(
  browser: Pick<Browser, 'newContext'>,
  as: SeededUserId | null = 'admin',
  alsoAllowed: readonly string[] = [],
): Promise<{ page: Page; outside: string[]; graphqlRequests: () => number }> {
  const context = await browser.newContext({ locale: 'vi-VN' });
  if (as !== null) {
    // Signed in already (the sign-in flow itself has its own test): the tab's token, as the app keeps it.
    const token = await tokenOf(as);
    await context.addInitScript((t: string) => sessionStorage.setItem('dti.token', JSON.stringify({ token: t, expiresAt: Date.now() + 3_600_000 })), token);
  }
  const page = await context.newPage();
  const outside: string[] = [];
  let graphql = 0;
  const allowed = new Set([origin(), ...alsoAllowed]);
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (!allowed.has(new URL(url).origin)) {
      outside.push(url);
      await route.abort();
      return;
    }
    if (new URL(url).pathname === '/graphql') graphql++;
    await route.continue();
  });
  return { page, outside, graphqlRequests: () => graphql };
}

/** Runs axe-core in the page; returns the serious and critical violations, by rule id and target. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's own CSP (script-src 'self') stays on and untouched.
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const r = await axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3) }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.targets.join(' ')}`);
}
