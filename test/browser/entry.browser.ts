import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { at, gqlAs } from '../e2e/client.ts';
import { browserPerFile, isolatedPage, origin, SCREENSHOTS, seriousViolations } from './browser.ts';

const browser = browserPerFile();

// Khánh Hòa as it was before the merger: its team (today's 56) keeps its records. DTI 2023 is
// scored on 922/QĐ-BTTTT, whose points are confirmed: M-1 (Nhận thức số) is worth 100 of 1000.
const UNIT = '56@origin';
const COMPLETENESS = /* GraphQL */ `query ($id: ID!) { unitById(id: $id) { year(year: 2023) { dti { completeness } } } }`;
const completeness = async (): Promise<number> => z.number().parse(at((await gqlAs('reviewer-56', COMPLETENESS, { id: UNIT })).data, 'unitById', 'year', 'dti', 'completeness'));

const idSchema = z.object({ id: z.string(), version: z.number() });

/** Last year's approved value, so this year's entry is a jump the checks must flag. */
async function approvedLastYear(code: string, value: number): Promise<void> {
  const saved = await gqlAs(
    'editor-56-b',
    /* GraphQL */ `mutation ($input: SaveEntryInput!) { saveEntry(input: $input) { entry { id version } userErrors { message } } }`,
    { input: { unitId: UNIT, year: 2022, indicatorCode: code, value, evidence: [{ documentSymbol: '15/BC-UBND', documentDate: '2023-01-16' }] } },
  );
  const entry = idSchema.parse(at(saved.data, 'saveEntry', 'entry'));
  const submitted = await gqlAs('editor-56-b', /* GraphQL */ `mutation ($ids: [ID!]!) { submitEntries(ids: $ids) { entries { id version } } }`, { ids: [entry.id] });
  const version = idSchema.parse(at(submitted.data, 'submitEntries', 'entries', 0)).version;
  const reviewed = await gqlAs(
    'reviewer-56-b',
    /* GraphQL */ `mutation ($id: ID!, $v: Int!) { reviewEntry(id: $id, decision: APPROVE, expectedVersion: $v) { entry { status } } }`,
    { id: entry.id, v: version },
  );
  expect(at(reviewed.data, 'reviewEntry', 'entry', 'status')).toBe('APPROVED');
}

describe('issue #11 - entry and review in a real browser', () => {
  it('an editor of 56 signs in, enters two values with evidence, acknowledges the jump warning and submits; a reviewer approves one and returns the other; completeness rises by exactly the approved item\'s points', async () => {
    await approvedLastYear('922-M-1', 0.3);
    const before = await completeness();

    // Sign in through the development OpenID provider: authorization code with PKCE.
    const issuer = new URL(inject('issuerUrl')).origin;
    const editor = await isolatedPage(browser, null, [issuer]);
    const page = editor.page;
    await page.goto(`${origin()}/sign-in?returnTo=${encodeURIComponent(`/entry/${encodeURIComponent(UNIT)}/2023`)}`);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByPlaceholder('Enter any login').fill('editor-56');
    await page.getByPlaceholder('and password').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /Nhập số liệu: Tỉnh Khánh Hòa \(56\) — Năm DTI 2023/ }).waitFor();
    await page.getByText('Người nhập Khánh Hòa').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}entry-1-signed-in.png`, fullPage: true });

    const m1 = page.getByRole('form', { name: /^922-M-1/ });
    await m1.getByLabel('Giá trị (0–1)').fill('0,9');
    await m1.getByLabel('Số, ký hiệu văn bản').fill('45/BC-UBND');
    await m1.getByLabel('Ngày văn bản').fill('2024-01-20');
    await m1.getByLabel('Đường dẫn minh chứng').fill('https://khanhhoa.gov.vn/bao-cao-45');
    await m1.getByRole('button', { name: 'Lưu nháp' }).click();
    // 0.3 last year, 0.9 now: the checks ask for an acknowledgement with a justification.
    const ack = m1.getByRole('checkbox', { name: /Tôi đã kiểm tra và xác nhận/ });
    await ack.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}entry-2-jump-warning.png`, fullPage: true });
    await ack.check();
    await m1.getByLabel('Giải trình').fill('Năm 2023 tỉnh tổ chức tập huấn chuyển đổi số cho toàn bộ cán bộ (Kế hoạch 45/KH-UBND).');
    await m1.getByRole('button', { name: 'Lưu nháp' }).click();
    await m1.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();

    const m2 = page.getByRole('form', { name: /^922-M-2/ });
    await m2.getByLabel('Tử số').fill('12');
    await m2.getByLabel('Mẫu số').fill('20');
    await m2.getByLabel('Mô tả minh chứng').fill('Danh mục văn bản quy phạm về chuyển đổi số đã ban hành');
    await m2.getByRole('button', { name: 'Lưu nháp' }).click();
    await m2.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Gửi duyệt (2)' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã gửi duyệt' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}entry-3-submitted.png`, fullPage: true });

    // The reviewer of 56: approves one, returns the other with a reason.
    const reviewer = await isolatedPage(browser, 'reviewer-56');
    await reviewer.page.goto(`${origin()}/review/${encodeURIComponent(UNIT)}/2023`);
    const card1 = reviewer.page.getByRole('region', { name: /^922-M-1/ });
    await card1.getByText('0,9').first().waitFor();
    await card1.getByText(/^Lịch sử/).first().click();
    await reviewer.page.screenshot({ path: `${SCREENSHOTS}review-1-queue.png`, fullPage: true });
    expect(await seriousViolations(reviewer.page)).toEqual([]);
    await card1.getByRole('button', { name: 'Duyệt' }).click();
    await card1.waitFor({ state: 'detached' });
    const card2 = reviewer.page.getByRole('region', { name: /^922-M-2/ });
    await card2.getByLabel('Lý do').fill('Thiếu số, ký hiệu văn bản làm minh chứng.');
    await card2.getByRole('button', { name: 'Trả lại' }).click();
    await card2.waitFor({ state: 'detached' });
    await reviewer.page.getByText('Không có giá trị nào chờ duyệt.').waitFor();

    const after = await completeness();
    expect(after - before).toBeCloseTo(0.1, 9);
    await reviewer.page.goto(`${origin()}/scorecard/${encodeURIComponent(UNIT)}/2023`);
    await reviewer.page.getByRole('heading', { name: 'Chỉ số chính' }).waitFor();
    await reviewer.page.screenshot({ path: `${SCREENSHOTS}review-2-scorecard-after.png`, fullPage: true });
  });

  it("issue #13: a value far from the systems' figure shows both, and submitting asks for an acknowledgement before sending the check token", async () => {
    const FIGURES = /* GraphQL */ `query ($id: ID!) { unitById(id: $id) { year(year: 2023) { systemFigures { indicatorCode value } } } }`;
    const figures = z.array(z.object({ indicatorCode: z.string(), value: z.number().nullable() })).parse(at((await gqlAs('editor-56', FIGURES, { id: UNIT })).data, 'unitById', 'year', 'systemFigures'));
    const system = figures.find((f) => f.indicatorCode === '922-M-7')?.value ?? null;
    if (system === null) throw new Error('no system figure for 922-M-7');
    const manual = system > 0.5 ? '0,1' : '0,9';

    const { page } = await isolatedPage(browser, 'editor-56');
    await page.goto(`${origin()}/entry/${encodeURIComponent(UNIT)}/2023`);
    const m7 = page.getByRole('form', { name: /^922-M-7/ });
    await m7.getByLabel('Giá trị (0–1)').fill(manual);
    await m7.getByLabel('Mô tả minh chứng').fill('Báo cáo số liệu văn bản điện tử của các xã');
    await m7.getByRole('button', { name: 'Lưu nháp' }).click();
    await m7.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
    // The systems' figure beside the manual value, and the check's warning in the form, both values in it.
    // The systems named in Vietnamese, from SystemFigure.systems (a list of SourceSystem values).
    await page.getByText(/Số liệu của hệ thống kết nối \(Quản lý văn bản, Cổng dịch vụ công\): .* — giá trị nhập tay/).first().waitFor();
    const ack = m7.getByRole('checkbox', { name: /Tôi đã kiểm tra và xác nhận: Giá trị nhập tay .* khác số liệu của/ });
    await ack.waitFor();

    await page.getByRole('button', { name: 'Gửi duyệt (1)' }).click();
    await page.getByRole('alert').filter({ hasText: /922-M-7: Giá trị nhập tay .* Hãy xác nhận cảnh báo/ }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}entry-4-system-mismatch.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await ack.check();
    await m7.getByLabel('Giải trình').fill('Hệ thống quản lý văn bản chưa gồm văn bản của cấp xã.');
    await m7.getByRole('button', { name: 'Lưu nháp' }).click();
    await m7.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
    await page.getByRole('button', { name: 'Gửi duyệt (1)' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã gửi duyệt' }).waitFor();
    const ENTRY = /* GraphQL */ `query ($id: ID!) { unitById(id: $id) { year(year: 2023) { selfAssessment { entries { indicator { code } status acknowledgedWarnings } } } } }`;
    const entries = z.array(z.object({ indicator: z.object({ code: z.string() }), status: z.string(), acknowledgedWarnings: z.array(z.string()) })).parse(at((await gqlAs('editor-56', ENTRY, { id: UNIT })).data, 'unitById', 'year', 'selfAssessment', 'entries'));
    expect(entries.find((e) => e.indicator.code === '922-M-7')).toMatchObject({ status: 'SUBMITTED', acknowledgedWarnings: ['SYSTEM_MISMATCH'] });
  });

  it('an editor of 51 sees none of 56\'s entries, and the API refuses the write if forced', async () => {
    const { page } = await isolatedPage(browser, 'editor-51');
    await page.goto(`${origin()}/entry/${encodeURIComponent(UNIT)}/2023`);
    await page.getByText(/FORBIDDEN/).first().waitFor();
    expect(await page.getByRole('form').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}entry-forbidden-51.png`, fullPage: true });
    const forced = await gqlAs(
      'editor-51',
      /* GraphQL */ `mutation ($input: SaveEntryInput!) { saveEntry(input: $input) { entry { id } } }`,
      { input: { unitId: UNIT, year: 2023, indicatorCode: '922-M-3', value: 0.5, evidence: [{ note: 'x' }] } },
    );
    expect(forced.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
