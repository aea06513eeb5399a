import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tokenOf } from './client.ts';

// The IDE must work on a closed network: the browser may reach the gateway on loopback and
// nothing else. Debian's chromium (`.ci/run` installs it when missing), driven by playwright-core.
const SCREENSHOT = new URL('../../test-results/ide-offline.png', import.meta.url).pathname;
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('issue #8 - an IDE that works on a closed network', () => {
  it('the GraphQL endpoint opened in a browser serves GraphiQL from the gateway alone, runs a query and shows the result', async () => {
    // The token a user pastes into GraphiQL's headers pane: unit-year figures need one.
    const page = await browser.newPage({ extraHTTPHeaders: { authorization: `Bearer ${await tokenOf('viewer-56')}` } });
    const blocked: string[] = [];
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
      if (loopback || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    });
    await page.goto(inject('gatewayUrl'), { waitUntil: 'load', timeout: 120_000 });
    await page.locator('.graphiql-container').first().waitFor({ timeout: 120_000 });
    await page.locator('.graphiql-execute-button').first().click();
    const response = page.locator('.graphiql-response').first();
    await expect.poll(() => response.innerText(), { timeout: 60_000 }).toContain('signedDigitallyRate');
    // The editor renders spaces as non-breaking ones; compare on plain spaces.
    expect((await response.innerText()).replace(/\s+/g, ' ')).toContain('"name": "Tỉnh Khánh Hòa"'.normalize('NFC'));
    mkdirSync(new URL('../../test-results/', import.meta.url).pathname, { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(blocked, 'requests that left loopback').toEqual([]);
    await page.close();
  }, 240_000);
});
