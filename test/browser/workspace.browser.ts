import { describe, expect, it } from 'vitest';
import { sim } from '../e2e/client.ts';
import { browserPerFile, isolatedPage, origin, SCREENSHOTS, seriousViolations } from './browser.ts';

const browser = browserPerFile();

describe('issue #11 - the workspace in a real browser', () => {
  it('lists the 63 provinces of DTI 2024 in Vietnamese, opens a scorecard with one GraphQL request, and loads nothing from outside', async () => {
    const { page, outside, graphqlRequests } = await isolatedPage(browser);
    await page.goto(`${origin()}/?year=2024`);
    await page.getByRole('heading', { name: 'Các tỉnh, thành phố — Năm DTI 2024' }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('row', { name: /Tỉnh Khánh Hòa/ }).waitFor();
    expect(await table.locator('tbody').getByRole('row').count()).toBe(63);
    await page.screenshot({ path: `${SCREENSHOTS}provinces-2024.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('searchbox', { name: 'Lọc theo tên hoặc mã' }).fill('Khánh');
    expect(await table.locator('tbody').getByRole('row').count()).toBe(1);

    const before = graphqlRequests();
    await page.getByRole('link', { name: 'Tỉnh Khánh Hòa' }).click();
    await page.getByRole('heading', { name: /Bảng điểm: Tỉnh Khánh Hòa \(56\) — Năm DTI 2024/ }).waitFor();
    await page.getByRole('heading', { name: 'Chỉ số chính' }).waitFor();
    await page.getByRole('heading', { name: 'Việc cần làm: số liệu còn thiếu' }).waitFor();
    await page.getByRole('img', { name: 'Điểm tự đánh giá và điểm công bố qua các năm' }).waitFor();
    // Each main indicator over the years, from the same single request.
    await page.getByRole('heading', { name: 'Diễn biến từng chỉ số qua các năm' }).waitFor();
    expect(await page.locator('.indicator-charts').getByRole('img').count()).toBeGreaterThan(3);
    expect(graphqlRequests() - before).toBe(1);
    // 405/QĐ-BKHCN points are unconfirmed: the screen says so rather than inventing points.
    expect(await page.getByRole('cell', { name: 'chưa xác nhận' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}scorecard-56-2024.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('a viewer of 56 sees only the units of 56 in the provinces list', async () => {
    const { page } = await isolatedPage(browser, 'viewer-56');
    await page.goto(`${origin()}/?year=2024`);
    await page.getByRole('link', { name: 'Tỉnh Khánh Hòa' }).waitFor();
    const rows = page.getByRole('table').locator('tbody').getByRole('row');
    // 2024: Khánh Hòa and Ninh Thuận, the two provinces merged into today's 56.
    expect(await rows.count()).toBe(2);
    await page.getByRole('link', { name: 'Tỉnh Ninh Thuận' }).waitFor();
    expect(await page.getByRole('link', { name: 'Thành phố Hà Nội' }).count()).toBe(0);
  });

  it('switches to English and back, keeping the diacritics of names', async () => {
    const { page } = await isolatedPage(browser);
    await page.goto(`${origin()}/?year=2023`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Provinces — DTI year 2023' }).waitFor();
    await page.getByRole('link', { name: 'Thành phố Hà Nội' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Các tỉnh, thành phố — Năm DTI 2023' }).waitFor();
  });

  it('with the labour-market system down, the scorecard still renders and says which inputs are unavailable and why', async () => {
    await sim.faults('labour', { down: true });
    try {
      const { page } = await isolatedPage(browser);
      await page.goto(`${origin()}/scorecard/${encodeURIComponent('01@origin')}/2023`);
      await page.getByRole('heading', { name: /Bảng điểm: Thành phố Hà Nội/ }).waitFor();
      await page.getByText('Một phần dữ liệu không tải được:').waitFor();
      const inputs = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Nguồn' }) });
      const labourRows = inputs.getByRole('row').filter({ hasText: 'Thị trường lao động' });
      expect(await labourRows.count()).toBeGreaterThan(0);
      for (const row of await labourRows.all()) expect(await row.textContent()).toContain('Nguồn không truy cập được');
      await page.getByRole('heading', { name: 'Chỉ số chính' }).waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}scorecard-labour-down.png`, fullPage: true });
    } finally {
      await sim.clearFaults('labour');
    }
  });

  it('is usable with the keyboard alone: skip link, then to a province and into its scorecard', async () => {
    const { page } = await isolatedPage(browser);
    await page.goto(`${origin()}/?year=2024`);
    await page.getByRole('link', { name: 'Tỉnh Khánh Hòa' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua đến nội dung chính');
    await page.getByRole('searchbox', { name: 'Lọc theo tên hoặc mã' }).focus();
    await page.keyboard.type('56');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Bảng điểm: Tỉnh Khánh Hòa \(56\)/ }).waitFor();
  });

  it('shows a unit\'s plans: targets against the owning system\'s figure, tasks by lead agency, budget by year', async () => {
    const { page, graphqlRequests } = await isolatedPage(browser);
    await page.goto(`${origin()}/plans/${encodeURIComponent('51@origin')}/2024`);
    await page.getByRole('heading', { name: /119\/KH-UBND/ }).waitFor();
    expect(graphqlRequests()).toBe(1);
    const targets = page.getByRole('table', { name: 'Chỉ tiêu' }).first();
    // The work-record target at province level is compared with the document system's 2024 figure.
    const workRecords = targets.getByRole('row').filter({ hasText: 'Quản lý văn bản' }).filter({ hasText: 'tỉnh' }).first();
    expect(await workRecords.textContent()).toMatch(/Đạt|Chưa đạt|Chưa đến hạn/);
    await page.getByText(/Chủ trì: Sở Thông tin và Truyền thông/).first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}plans-51-2024.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('serves assets with their types and cache policy, and nothing outside the build', async () => {
    const index = await fetch(`${origin()}/`, { headers: { accept: 'text/html' } });
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    expect(script).toBeDefined();
    const js = await fetch(`${origin()}${script}`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    // The build's brotli copy, for a client that accepts br (undici's fetch does, and decodes it).
    const packed = await fetch(`${origin()}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(packed.headers.get('content-encoding')).toBe('br');
    expect(packed.headers.get('vary')).toBe('Accept-Encoding');
    expect(await packed.text()).toBe(await js.text());
    expect((await fetch(`${origin()}/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${origin()}/assets/..%2f..%2fpackage.json`)).status).toBe(404);
    const deep = await fetch(`${origin()}/scorecard/56%402025-07-01/2025`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="app">');
  });
});
