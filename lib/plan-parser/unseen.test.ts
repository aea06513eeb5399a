import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureSchema } from '../../scripts/plan-eval.ts';
import { linkTargetToIndicator, parsePlanDocument } from './index.ts';
import type { ParsedPlan } from './index.ts';

// Plan documents the parser was not written against, each with an extraction written by hand before the
// parser was run on it (test/fixtures/plans/extra). Layouts differ from the seeds: a one-line letterhead
// (Bắc Giang), a Quyết định with the plan and a task table after its signature block (Phú Yên), a district
// plan with "Đơn vị thực hiện: X chủ trì, phối hợp với Y" (Thọ Xuân), a city plan with "+" targets and
// several fields in one paragraph (Cần Thơ), a province plan whose tasks are one numbered sentence each
// ("1. Title. Sở X chủ trì, phối hợp với Y thực hiện; thời gian hoàn thành: năm 2023.") and whose budget
// total is "khoảng" (Hà Tĩnh), and one written by the lead and never shown to the parser's authors before it
// passed (Lâm Đồng: "Tỷ lệ X đạt 55 - 60%", "đạt trên 30%"). Checked field by field so a failure names what broke.
const DIR = join(import.meta.dirname, '../../test/fixtures/plans/extra');
const NAMES = readdirSync(DIR).filter((n) => n.endsWith('.expected.json')).map((n) => n.replace(/\.expected\.json$/u, '')).sort();

function parse(name: string): { plan: ParsedPlan; warnings: string[] } {
  const r = parsePlanDocument(readFileSync(join(DIR, `${name}.txt`), 'utf8'));
  if (!r.ok) throw new Error(`${name}: not parsed as a plan: ${r.errors.join('; ')}`);
  return r;
}

function parsed(name: string): ParsedPlan {
  return parse(name).plan;
}

describe.each(NAMES)('unseen plan %s', (name) => {
  const expected = fixtureSchema.parse(JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')));
  const plan = parsed(name);
  it('metadata', () => {
    expect(plan.symbol).toBe(expected.symbol);
    expect(plan.issuer).toBe(expected.issuer);
    expect(plan.issuedOn).toBe(expected.issuedOn);
    expect(plan.legalBasis).toEqual(expected.legalBasis);
  });
  it('targets: text, bounds, unit, year, level', () => {
    expect(plan.targets.length).toBe(expected.targets.length);
    expected.targets.forEach((t, i) => expect(plan.targets[i], `target ${i + 1}`).toEqual(t));
  });
  it('tasks: title, lead, cooperating, timeframe, result', () => {
    expect(plan.tasks.map((t) => t.title)).toEqual(expected.tasks.map((t) => t.title));
    expected.tasks.forEach((t, i) => expect(plan.tasks[i], t.title).toEqual(t));
  });
  it('budget lines and total', () => {
    expect(plan.budget).toEqual(expected.budget);
    expect(plan.budgetTotalVND).toBe(expected.budgetTotalVND);
  });
});

describe('unseen plan bac-giang-512-kh-ubnd: indicator links', () => {
  it('links "Tỷ lệ X đạt Y%" targets and each target of a levelled series', () => {
    expect(parsed('bac-giang-512-kh-ubnd').targets.map((t) => linkTargetToIndicator(t.text)?.code ?? null)).toEqual([
      'PS_ONLINE_DOSSIER_RATE',
      'DOC_SIGNED_DIGITALLY_RATE',
      'WORK_RECORDS_ONLINE_RATE',
      'WORK_RECORDS_ONLINE_RATE',
      'PS_DIGITISED_DOSSIER_RATE',
    ]);
  });
});

describe('unseen plan ha-tinh-3021-kh-ubnd: indicator links and the approximate budget total', () => {
  it('links dossiers paid online to the payment indicator, not to dossiers handled online', () => {
    expect(parsed('ha-tinh-3021-kh-ubnd').targets.map((t) => linkTargetToIndicator(t.text)?.code ?? null)).toEqual([
      'PS_FULLY_ONLINE_PROCEDURE_RATE',
      'PS_ONLINE_PAYMENT_RATE',
      'WORK_RECORDS_ONLINE_RATE',
      'WORK_RECORDS_ONLINE_RATE',
      'WORK_RECORDS_ONLINE_RATE',
      'LAB_DIGITAL_SKILLS_RATE',
    ]);
  });
  it('keeps "khoảng 45 tỷ đồng" as the total and warns that it is approximate', () => {
    const { plan, warnings } = parse('ha-tinh-3021-kh-ubnd');
    expect(plan.budgetTotalVND).toBe(45e9);
    expect(warnings).toEqual(['budget total is stated as approximate ("khoảng 45 tỷ đồng"); kept as the total']);
  });
});
