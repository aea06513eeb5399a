import { describe, expect, it } from 'vitest';
import { at, gql, gqlAs, sim, token, type Caller } from './client.ts';

// Importing needs an EDITOR of the unit (issue #12): 72 merged into 80, whose team keeps its records.
const EDITOR_72: Caller = { token: await token({ sub: 'editor-80', roles: ['EDITOR'], units: ['80'], ttlS: 3600 }) };

const PLAN = /* GraphQL */ `
  symbol issuer issuedOn legalBasis
  targets {
    text min max unit targetYear level
    indicator { code name }
    actual(year: 2024) { value met due status source { system asOf } note }
  }
  tasks { title lead { name } cooperating { name } timeframe { text from to } result }
  budget { year amountVND }
`;

interface Target {
  text: string;
  min: number | null;
  level: string | null;
  indicator: { code: string } | null;
  actual: { value: number | null; met: boolean | null; status: string; source: { system: string } | null; note: string | null } | null;
}

describe('issue #4 - plans from real documents, target against actual', () => {
  it('Quảng Ngãi 119/KH-UBND: work-record targets meet the document system figure', async () => {
    const res = await gql(`{ unit(code: "51", asOf: "2020-12-31") { plans { ${PLAN} } } }`);
    expect(res.errors).toBeUndefined();
    const plan = at(res.data, 'unit', 'plans', 0) as { symbol: string; issuedOn: string; legalBasis: string[]; targets: Target[] };
    expect(plan.symbol).toBe('119/KH-UBND');
    expect(plan.issuedOn).toBe('2020-10-09');
    expect(plan.legalBasis).toContain('749/QĐ-TTg');
    const linked = plan.targets.filter((t) => t.indicator?.code === 'WORK_RECORDS_ONLINE_RATE');
    // One sentence, three targets for three levels: only the province one has a comparable figure.
    expect(linked.map((t) => [t.min, t.level])).toEqual(expect.arrayContaining([[90, 'PROVINCE'], [80, 'DISTRICT'], [60, 'COMMUNE']]));
    const province = linked.find((t) => t.level === 'PROVINCE' && t.min === 90);
    expect(province?.actual?.status).toBe('OK');
    expect(province?.actual?.source?.system).toBe('DOCUMENTS');
    expect(province?.actual?.value).toBeGreaterThan(0);
    expect(province?.actual?.met).toBe((province?.actual?.value ?? 0) >= 90);
    const commune = linked.find((t) => t.level === 'COMMUNE');
    expect(commune?.actual).toMatchObject({ value: null, met: null, status: 'NOT_COLLECTED' });
    // Unlinked targets say so rather than showing a number.
    const unlinked = plan.targets.filter((t) => t.indicator === null);
    expect(unlinked.length).toBeGreaterThan(0);
    for (const t of unlinked) expect(t.actual?.value).toBeNull();
  });

  it('Khánh Hòa 4949/KH-UBND: targets no connected system measures say so, with no number', async () => {
    const res = await gql(`{ unit(code: "56", asOf: "2022-12-31") { plans { ${PLAN} } } }`);
    expect(res.errors).toBeUndefined();
    const plan = at(res.data, 'unit', 'plans', 0) as { symbol: string; targets: Target[] };
    expect(plan.symbol).toBe('4949/KH-UBND');
    expect(plan.targets.length).toBe(7);
    for (const t of plan.targets) {
      expect(t.indicator).toBeNull();
      expect(t.actual).toMatchObject({ value: null, met: null, status: 'NOT_COLLECTED' });
      expect(t.actual?.note).toMatch(/names no indicator/);
    }
  });

  it('Tây Ninh 1155/QĐ-UBND: tasks with lead agencies and the yearly budget in đồng', async () => {
    const res = await gql(`{ unit(code: "72", asOf: "2022-12-31") { plans { ${PLAN} } } }`);
    expect(res.errors).toBeUndefined();
    const plan = at(res.data, 'unit', 'plans', 0) as { symbol: string; tasks: Array<{ lead: Array<{ name: string }> }>; budget: Array<{ year: number; amountVND: number }> };
    expect(plan.symbol).toBe('1155/QĐ-UBND');
    expect(plan.budget).toContainEqual({ year: 2022, amountVND: 1_170_385_000 });
    expect(plan.tasks.every((t) => t.lead.length > 0)).toBe(true);
    expect(plan.tasks.flatMap((t) => t.lead.map((l) => l.name))).toContain('Sở Thông tin và Truyền thông');
  });

  it('plans of a merged-away unit stay attached to it and are reachable from its successor', async () => {
    const res = await gql(/* GraphQL */ `{
      old: unit(code: "49", asOf: "2024-12-31") { name plans { symbol } successors { code name } }
      successor: unit(code: "48") { name own: plans { symbol } all: plans(includePredecessors: true) { symbol unit { name validTo } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(at(res.data, 'old', 'plans')).toEqual([{ symbol: '4660/KH-UBND' }]);
    expect(at(res.data, 'successor', 'own')).toEqual([]);
    expect(at(res.data, 'successor', 'all')).toEqual([{ symbol: '4660/KH-UBND', unit: { name: 'Tỉnh Quảng Nam', validTo: '2025-06-30' } }]);
  });

  it('an imported plan appears in the graph, and its online-dossier target meets the portal figure', async () => {
    const text = [
      'ỦY BAN NHÂN DÂN',
      'TỈNH TÂY NINH',
      'Số: 77/KH-UBND',
      'Tây Ninh, ngày 15 tháng 3 năm 2024',
      'KẾ HOẠCH',
      'Chuyển đổi số năm 2024',
      'Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;',
      'I. MỤC TIÊU',
      '1. Mục tiêu đến năm 2025',
      '- 80% hồ sơ thủ tục hành chính được tiếp nhận, xử lý trực tuyến.',
      'II. NHIỆM VỤ',
      '1. Triển khai nền tảng số dùng chung của tỉnh',
      '- Đơn vị chủ trì: Sở Thông tin và Truyền thông.',
      '- Đơn vị phối hợp: Các sở, ban, ngành.',
      '- Thời gian thực hiện: Quý III/2024.',
    ].join('\n');
    const created = await gqlAs(EDITOR_72, `mutation ($text: String!) { importPlan(unitCode: "72", text: $text) { id symbol issuedOn unit { id } } }`, { text });
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    expect(at(created.data, 'importPlan', 'symbol')).toBe('77/KH-UBND');
    const res = await gql(`{ unit(code: "72", asOf: "2024-12-31") { plans { symbol targets { min indicator { code } actual(year: 2024) { value met status source { system } } } tasks { timeframe { from to } } } } }`);
    const plans = at(res.data, 'unit', 'plans') as Array<{ symbol: string; targets: Target[]; tasks: Array<{ timeframe: { from: string; to: string } }> }>;
    const imported = plans.find((p) => p.symbol === '77/KH-UBND');
    expect(imported?.tasks[0]?.timeframe).toEqual({ from: '2024-07-01', to: '2024-09-30' });
    const target = imported?.targets[0];
    expect(target?.indicator?.code).toBe('PS_ONLINE_DOSSIER_RATE');
    expect(target?.actual?.source?.system).toBe('SERVICES');
    expect(target?.actual?.met).toBe((target?.actual?.value ?? 0) >= 80);
    // The same document again is refused: nothing half-saved, nothing duplicated.
    const again = await gqlAs(EDITOR_72, `mutation ($text: String!) { importPlan(unitCode: "72", text: $text) { id } }`, { text });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('a document that cannot be parsed is rejected with what failed, and nothing is stored', async () => {
    await sim.resetRequests('plans');
    const res = await gqlAs(EDITOR_72, `mutation { importPlan(unitCode: "72", text: "Giấy mời họp") { id } }`);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/^không thể nhập văn bản thành kế hoạch: không tìm thấy số, ký hiệu văn bản.* — the document could not be imported as a plan: no document symbol found/);
    expect((await sim.requests('plans')).byRoute['ke-hoach-them-moi']).toBeUndefined();
  });

  it('with the portal down, a portal-linked actual is SOURCE_UNAVAILABLE and the error names the system', async () => {
    await sim.faults('services', { down: true });
    try {
      const res = await gql(`{ unit(code: "51", asOf: "2020-12-31") { plans { targets { indicator { code } actual(year: 2024) { value status } } } } }`);
      const targets = at(res.data, 'unit', 'plans', 0, 'targets') as Target[];
      const docs = targets.find((t) => t.indicator?.code === 'WORK_RECORDS_ONLINE_RATE' && t.actual?.status === 'OK');
      expect(docs?.actual?.value).toBeTypeOf('number');
      expect(res.errors?.some((e) => e.extensions?.['system'] === 'services')).toBe(true);
    } finally {
      await sim.clearFaults('services');
    }
  });
});
