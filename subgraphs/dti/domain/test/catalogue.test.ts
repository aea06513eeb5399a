import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../../lib/errors/index.ts';
import { CATALOGUE_URL, loadCatalogue, methodologyByCode, methodologyForYear, parseCatalogue } from '../catalogue.ts';

const reference: Array<{ code: string; maxPoints: number | null; confirmed: boolean }> = JSON.parse(
  readFileSync(new URL('../../../../data/reference/dti-indicators.json', import.meta.url), 'utf8'),
);
const refByCode = new Map(reference.map((r) => [r.code, r]));
const cat = loadCatalogue();

describe('catalogue', () => {
  it('922 has 9 main indicators with the confirmed points of Bảng I.1 summing to 1000', () => {
    const m = methodologyByCode('922/QĐ-BTTTT');
    expect(m.mainIndicators.map((i) => i.maxPoints)).toEqual([100, 100, 100, 100, 100, 0, 200, 150, 150]);
    expect(m.mainIndicators.every((i) => i.pointsConfirmed)).toBe(true);
    expect(m.totalPoints).toBe(1000);
  });

  it('405 has 8 main indicators whose points stay unconfirmed', () => {
    const m = methodologyByCode('405/QĐ-BKHCN');
    expect(m.mainIndicators).toHaveLength(8);
    expect(m.mainIndicators.every((i) => i.maxPoints === null && !i.pointsConfirmed)).toBe(true);
    expect(m.totalPointsConfirmed).toBe(false);
    expect(m.aggregation.confirmed).toBe(false);
  });

  it('1726 is scored on its three pillars, 400/300/300', () => {
    const m = methodologyByCode('1726/QĐ-BTTTT');
    expect(m.scoredLevel).toBe('pillar');
    expect(m.pillars.map((p) => p.maxPoints)).toEqual([400, 300, 300]);
    expect(m.mainIndicators).toHaveLength(21);
  });

  it('keeps the reference confirmation flags and points of every shared record', () => {
    const items = [...cat.methodologies.flatMap((m) => m.mainIndicators), ...cat.index766.groups, ...cat.index766.indicators];
    let compared = 0;
    for (const item of items) {
      const ref = refByCode.get(item.code);
      if (ref === undefined) continue;
      compared += 1;
      expect({ code: item.code, maxPoints: item.maxPoints, confirmed: item.confirmed }).toEqual({ code: ref.code, maxPoints: ref.maxPoints, confirmed: ref.confirmed });
    }
    expect(compared).toBeGreaterThanOrEqual(40);
  });

  it('picks the methodology by evaluation year', () => {
    expect(methodologyForYear(2020).code).toBe('1726/QĐ-BTTTT');
    expect([2021, 2022, 2023].map((y) => methodologyForYear(y).code)).toEqual(Array(3).fill('922/QĐ-BTTTT'));
    expect(methodologyForYear(2024).code).toBe('405/QĐ-BKHCN');
    expect(methodologyForYear(2025).code).toBe('405/QĐ-BKHCN');
    expect(() => methodologyForYear(2019)).toThrow(BadUserInputError);
  });

  it('lists exactly the twelve inputs, every mapping marked as judgement and unconfirmed', () => {
    expect(cat.inputs.map((i) => i.code).sort()).toEqual(
      [
        'DOC_SIGNED_DIGITALLY_RATE', 'DOC_SENT_ELECTRONICALLY_RATE', 'WORK_RECORDS_ONLINE_RATE', 'PS_FULLY_ONLINE_PROCEDURE_RATE',
        'PS_ONLINE_DOSSIER_RATE', 'PS_ON_TIME_RATE', 'PS_DIGITISED_DOSSIER_RATE', 'PS_ONLINE_PAYMENT_RATE',
        'LAB_TRAINED_WORKFORCE_RATE', 'LAB_DIGITAL_SKILLS_RATE', 'PLAN_TASK_COMPLETION_RATE', 'PLAN_ADOPTED',
      ].sort(),
    );
    expect(cat.inputs.every((i) => i.mappingIsJudgement && !i.confirmed)).toBe(true);
    // PLAN_ADOPTED is evidence only (a plan existing is no measure of Nhận thức số or Thể chế số); every other input feeds every methodology.
    expect(cat.inputs.filter((i) => i.feeds.length === 0).map((i) => i.code)).toEqual(['PLAN_ADOPTED']);
    for (const m of cat.methodologies) {
      const fedHere = cat.inputs.filter((i) => i.feeds.length > 0).every((i) => i.feeds.some((f) => m.mainIndicators.some((x) => x.code === f)));
      expect(fedHere, m.code).toBe(true);
    }
  });

  it('marks the main indicators our systems cannot measure as NOT_COLLECTED', () => {
    const notCollected = (code: string) =>
      methodologyByCode(code).mainIndicators.filter((i) => i.collectionStatus === 'NOT_COLLECTED').map((i) => i.code);
    expect(notCollected('922/QĐ-BTTTT')).toEqual(['922-M-2', '922-M-3', '922-M-5', '922-M-6', '922-M-8']);
    expect(notCollected('405/QĐ-BKHCN')).toEqual(['405-M-2', '405-M-3', '405-M-5', '405-M-7']);
    const partial = methodologyByCode('1726/QĐ-BTTTT').mainIndicators.filter((i) => i.collectionStatus === 'PARTIAL').map((i) => i.code);
    expect(partial).toEqual(['1726-CQS-1', '1726-CQS-5', '1726-XHS-7']);
  });

  it('766: five groups totalling 100 with groups 3 and 4 unconfirmed and the conflicts kept', () => {
    const groups = cat.index766.groups;
    expect(groups.reduce((s, g) => s + g.maxPoints, 0)).toBe(100);
    expect(groups.filter((g) => !g.confirmed).map((g) => g.code)).toEqual(['766-G3', '766-G4']);
    expect(groups.find((g) => g.code === '766-G3')?.conflicts.length).toBeGreaterThan(0);
  });

  it('rejects an input that feeds an unknown main indicator', () => {
    const json = JSON.parse(readFileSync(CATALOGUE_URL, 'utf8'));
    json.inputs[0].feeds.push('922-M-99');
    expect(() => parseCatalogue(json)).toThrow(/unknown main indicator/);
  });

  it('normalises Vietnamese text to NFC', () => {
    const name = methodologyByCode('922/QĐ-BTTTT').mainIndicators[0]?.nameVi ?? '';
    expect(name).toBe(name.normalize('NFC'));
    expect(methodologyByCode('922/QĐ-BTTTT'.normalize('NFD')).code).toBe('922/QĐ-BTTTT');
  });
});
