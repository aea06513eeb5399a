import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserPerFile, isolatedPage, origin, SCREENSHOTS, seriousViolations } from './browser.ts';

const browser = browserPerFile();

const SEED = readFileSync(new URL('../../data/seeds/000_2974e3fbecc444fa.txt', import.meta.url), 'utf8');
const KHANH_HOA = `/plans/${encodeURIComponent('56@2025-07-01')}/2024`;

describe('issue #11 - uploading a plan shows the parser\'s reading before anything is stored', () => {
  it('an editor of 56 picks a .txt, reads it back (nothing stored), then saves it', async () => {
    // A symbol the registry does not hold (the seed itself is there), new on every run.
    const symbol = `${7000 + Math.floor(Math.random() * 2000)}/KH-UBND`;
    const text = SEED.replaceAll('4949/KH-UBND', symbol);
    const { page, graphqlRequests } = await isolatedPage(browser, 'editor-56');
    await page.goto(`${origin()}${KHANH_HOA}`);
    await page.getByRole('heading', { name: 'Tải lên kế hoạch' }).waitFor();
    expect(graphqlRequests()).toBe(1);
    await page.getByLabel('Tệp văn bản (.txt)').setInputFiles({ name: 'ke-hoach.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
    // The file is read asynchronously (File.text()): wait for the text area to hold it.
    await expect.poll(() => page.getByLabel('Nội dung văn bản kế hoạch').inputValue(), { timeout: 10_000 }).toContain(symbol);
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.getByRole('heading', { name: 'Kết quả đọc văn bản (chưa lưu)' }).waitFor();
    await page.getByText('Văn bản đọc được và có thể lưu vào kho kế hoạch.').waitFor();
    const reading = page.locator('.reading');
    expect(await reading.getByRole('definition').first().textContent()).toBe(symbol);
    await reading.getByText('UBND tỉnh Khánh Hòa').waitFor();
    expect(await reading.getByRole('table').first().locator('tbody').getByRole('row').count()).toBeGreaterThan(0);
    // Read, not stored: the plans list does not show it.
    expect(await page.getByRole('heading', { name: new RegExp(symbol) }).count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}plan-upload-reading.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByText(`Đã lưu kế hoạch: ${symbol}`).waitFor();
    await page.getByRole('heading', { name: new RegExp(symbol) }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}plan-upload-saved.png`, fullPage: true });
  });

  it('says why a document cannot be saved (issuer not the unit) and offers no save', async () => {
    const { page } = await isolatedPage(browser, 'editor-51');
    await page.goto(`${origin()}/plans/${encodeURIComponent('51@origin')}/2024`);
    await page.getByLabel('Nội dung văn bản kế hoạch').fill(SEED);
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.getByText('Văn bản chưa thể lưu: xem các lỗi dưới đây.').waitFor();
    await page.getByText(/^cơ quan ban hành văn bản "UBND tỉnh Khánh Hòa" không phải Tỉnh Quảng Ngãi/).waitFor();
    // Vietnamese first, English alongside, each in its own language (PlanImportError message / messageEn).
    const refusal = page.locator('li[data-code="ISSUER_NOT_UNIT"]');
    expect(await refusal.locator('[lang]').evaluateAll((els) => els.map((e) => [e.getAttribute('lang'), e.textContent]))).toEqual([
      ['vi', expect.stringMatching(/^cơ quan ban hành văn bản "UBND tỉnh Khánh Hòa" không phải Tỉnh Quảng Ngãi/)],
      ['en', expect.stringMatching(/^the document's issuer "UBND tỉnh Khánh Hòa" is not Tỉnh Quảng Ngãi/)],
    ]);
    expect(await page.getByRole('button', { name: 'Lưu kế hoạch' }).isDisabled()).toBe(true);
  });

  it('a viewer of 56 is refused the reading', async () => {
    const { page } = await isolatedPage(browser, 'viewer-56');
    await page.goto(`${origin()}${KHANH_HOA}`);
    await page.getByLabel('Nội dung văn bản kế hoạch').fill(SEED);
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.getByRole('alert').filter({ hasText: 'Bạn không có quyền nhập kế hoạch cho đơn vị này' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Kết quả đọc văn bản (chưa lưu)' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lưu kế hoạch' }).count()).toBe(0);
  });
});
