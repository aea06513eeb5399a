/**
 * Time to a rendered scorecard in a real browser (Debian's chromium through playwright-core),
 * against the whole system on loopback: cold (a new browser context, empty cache) and warm (the
 * same context, a second visit), from navigation start to the main indicators' rows being in the
 * page, as the page's own clock reads it. Also the JavaScript the visit loads (gzip) and the
 * GraphQL requests one scorecard costs. The very first visit also meets the gateway's and
 * subgraphs' caches cold; it is printed apart from the median of the others.
 * Run: npm run bench:web -- [runs=5] [unitId=56@2025-07-01] [year=2024]
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { launchSystem } from '../lib/launcher/index.ts';
import { DEFAULT_OIDC_STATE_DIR } from '../simulators/oidc/config.ts';
import { requestDevToken } from '../simulators/oidc/dev-token.ts';
import { freeSystemPorts } from './procs.ts';

const runs = Math.max(1, Number(process.argv[2] ?? '5'));
const unitId = process.argv[3] ?? '56@2025-07-01';
const year = Number(process.argv[4] ?? '2024');
const DIST = new URL('../web/dist/', import.meta.url);

const system = await launchSystem({ ports: await freeSystemPorts(), readyTimeoutMs: 120_000 });
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // Signed in already, as the browser tests do it: a token from the system's own development provider in the tab's storage.
  const token = await requestDevToken(system.issuerUrl, process.env['OIDC_STATE_DIR'] ?? DEFAULT_OIDC_STATE_DIR, { sub: 'bench-web', roles: ['ADMIN'], units: [], ttlS: 3600 });
  const origin = new URL(system.gatewayUrl).origin;
  const url = `${origin}/scorecard/${encodeURIComponent(unitId)}/${year}`;

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'vi-VN' });
    await context.addInitScript((t: string) => sessionStorage.setItem('dti.token', JSON.stringify({ token: t, expiresAt: Date.now() + 3_600_000 })), token);
    return context;
  }

  interface Visit {
    readonly ms: number;
    readonly graphql: number;
    readonly scripts: readonly string[];
  }

  /** One navigation to the scorecard: ms from navigation start until the main indicators' rows are in the page. */
  async function visit(page: Page): Promise<Visit> {
    let graphql = 0;
    const scripts: string[] = [];
    const onResponse = (r: Awaited<ReturnType<Page['waitForResponse']>>): void => {
      const u = new URL(r.url());
      if (u.pathname === '/graphql') graphql++;
      if (r.request().resourceType() === 'script') scripts.push(u.pathname);
    };
    page.on('response', onResponse);
    await page.goto(url, { waitUntil: 'commit' });
    const ms = await page.waitForFunction(
      () => {
        const rows = document.getElementById('main-title')?.parentElement?.querySelectorAll('tbody tr').length ?? 0;
        return rows > 0 ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    const value = Number(await ms.jsonValue());
    page.off('response', onResponse);
    return { ms: value, graphql, scripts };
  }

  const median = (xs: readonly number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  };

  const cold: Visit[] = [];
  const warm: Visit[] = [];
  let first: Visit | undefined;
  for (let i = 0; i <= runs; i++) {
    const context = await newContext();
    const page = await context.newPage();
    const c = await visit(page);
    const w = await visit(page);
    await context.close();
    if (i === 0) first = c;
    else {
      cold.push(c);
      warm.push(w);
    }
  }
  if (first === undefined) throw new Error('no visit');

  // What the visit loaded, gzip -9 of the built files (what a compressing proxy would send).
  const scripts = [...new Set(first.scripts)];
  const bytes = scripts.map((p) => readFileSync(new URL(`.${p}`, DIST)));
  const raw = bytes.reduce((n, b) => n + b.length, 0);
  const gz = bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  const served = await fetch(`${origin}${scripts[0] ?? '/'}`, { headers: { 'accept-encoding': 'gzip, br' } });

  const f = (ms: number): string => `${ms.toFixed(0)} ms`;
  const mc = median(cold.map((v) => v.ms));
  const mw = median(warm.map((v) => v.ms));
  console.log(`web scorecard ${unitId} ${year}, ${runs} runs, chromium headless on loopback`);
  console.log(`  first visit (browser and server caches cold): ${f(first.ms)}`);
  console.log(`  cold (new context, empty browser cache), median: ${f(mc)}   [${cold.map((v) => v.ms.toFixed(0)).join(', ')}]`);
  console.log(`  warm (same context, second visit), median:       ${f(mw)}   [${warm.map((v) => v.ms.toFixed(0)).join(', ')}]`);
  console.log(`  warm/cold ratio: ${(mw / mc).toFixed(2)}`);
  console.log(`  GraphQL requests per scorecard: cold ${[...new Set(cold.map((v) => v.graphql))].join('/')}, warm ${[...new Set(warm.map((v) => v.graphql))].join('/')}`);
  console.log(`  JavaScript loaded: ${scripts.length} file(s), ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip -9 (served with content-encoding: ${served.headers.get('content-encoding') ?? 'none'})`);
} finally {
  await browser.close();
  await system.stop();
}
