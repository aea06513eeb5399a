import { predecessorsOf, type AdministrativeUnitRecord } from '../../lib/units/index.ts';
import { intBetween, seeded } from '../shared/random.ts';
import { FIRST_YEAR, lastClosedMonth, lastDayOfMonth, provincesFilingYear, seedUnits } from '../shared/units.ts';

/**
 * One yearly labour-market summary as the vendor serves it (Vietnamese PascalCase, no diacritics
 * in names). Every figure is synthetic: provincial labour figures were not found in public sources.
 */
export interface BaoCaoNam {
  readonly MaBaoCao: string;
  readonly MaTinh: string;
  readonly TenTinh: string;
  readonly Nam: number;
  /** First and last day the figures cover (yyyy-MM-dd). */
  readonly TuNgay: string;
  readonly DenNgay: string;
  /** Codes whose territory the report covers for part of the year (a province formed mid-year reports for its predecessors). */
  readonly PhamViMaTinh: readonly string[];
  readonly LucLuongLaoDong: number;
  readonly SoNguoiCoViecLam: number;
  readonly SoNguoiThatNghiep: number;
  readonly SoLaoDongQuaDaoTao: number;
  /** Null where the simulator pretends the figure was not yet collected (2020). */
  readonly SoLaoDongCoKyNangSo: number | null;
  readonly SoNguoiTimViec: number;
  readonly SoViecLamTrong: number;
  /** Percent (0..100), given as a rate only: the vendor publishes no underemployed count. */
  readonly TyLeThieuViecLam: number;
  /** ISO-8601 with +07:00 offset. */
  readonly NgayCapNhat: string;
  readonly LaSoLieuMoPhong: boolean;
  readonly GhiChu: string;
}

/** The note every record carries. */
export const SYNTHETIC_NOTE =
  'Số liệu mô phỏng (synthetic): số liệu lao động cấp tỉnh không tìm thấy trong nguồn công khai; không dùng cho báo cáo thật.';

interface TerritoryYear {
  readonly labourForce: number;
  readonly unemployed: number;
  readonly trained: number;
  readonly digital: number | null;
  readonly jobSeekers: number;
  readonly vacancies: number;
  readonly underemploymentPct: number;
}

// Big cities get a larger labour force so magnitudes look like a real country, not uniform noise.
const LARGE = new Map<string, number>([['01', 4_100_000], ['79', 4_700_000]]);

/** Figures of one pre-2025 territory for a full year: trending upward from 2020, differing by province. */
function territoryYear(code: string, year: number): TerritoryYear {
  const base = seeded('labour', code);
  const lf2020 = LARGE.get(code) ?? intBetween(base, 250_000, 1_400_000);
  const trained2020 = 0.16 + base() * 0.2;
  const digital2020 = 0.08 + base() * 0.14;
  const growth = 0.004 + base() * 0.012;
  const n = year - FIRST_YEAR;
  const r = seeded('labour', code, year);
  const labourForce = Math.round(lf2020 * (1 + growth) ** n * (0.99 + r() * 0.02));
  // 2021 is the pandemic bump in unemployment.
  const unemploymentPct = 1.4 + r() * 1.8 + (year === 2021 ? 1.1 : 0);
  const trainedRate = Math.min(0.75, trained2020 + n * (0.008 + r() * 0.008));
  const digitalRate = Math.min(0.9, digital2020 + n * (0.025 + r() * 0.025));
  const jobSeekers = Math.round(labourForce * (0.01 + r() * 0.02));
  return {
    labourForce,
    unemployed: Math.round((labourForce * unemploymentPct) / 100),
    trained: Math.round(labourForce * trainedRate),
    digital: year === FIRST_YEAR ? null : Math.round(labourForce * digitalRate),
    jobSeekers,
    vacancies: Math.round(jobSeekers * (0.7 + r() * 0.8)),
    underemploymentPct: Math.round((1.2 + r() * 2.4) * 100) / 100,
  };
}

/** Pre-2025 territories a unit's figures are made of (a merged province: its predecessors'). */
function territories(units: readonly AdministrativeUnitRecord[], unit: AdministrativeUnitRecord): string[] {
  const preds = predecessorsOf(units, unit);
  if (preds.length === 0) return [unit.code];
  return [...new Set(preds.flatMap((p) => territories(units, p)))].sort();
}

function sum(parts: readonly TerritoryYear[], pick: (t: TerritoryYear) => number | null): number | null {
  let total = 0;
  for (const p of parts) {
    const v = pick(p);
    if (v === null) return null;
    total += v;
  }
  return total;
}

function num(v: number | null): number {
  return v ?? 0;
}

function updatedAt(year: number, to: string, code: string, today: Date): string {
  const r = seeded('labour-updated', code, year);
  const day = new Date(`${to}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + intBetween(r, 10, 50));
  const capped = day > today ? today : day;
  const hh = String(intBetween(r, 7, 17)).padStart(2, '0');
  const mm = String(intBetween(r, 0, 59)).padStart(2, '0');
  return `${capped.toISOString().slice(0, 10)}T${hh}:${mm}:00+07:00`;
}

/** The yearly report of one filing unit: its territories' figures, flows scaled to the months covered. */
function reportOf(units: readonly AdministrativeUnitRecord[], unit: AdministrativeUnitRecord, year: number, today: Date): BaoCaoNam {
  const closed = lastClosedMonth(today);
  const running = year === closed.year;
  // Some provinces run a month late on the running year: the subgraph reports them STALE.
  const lags = running && closed.month > 1 && seeded('labour-lag', unit.code, year)() < 0.15;
  const months = running ? closed.month - (lags ? 1 : 0) : 12;
  const parts = territories(units, unit).map((c) => territoryYear(c, year));
  const share = months / 12;
  const lf = num(sum(parts, (t) => t.labourForce));
  const unemployed = num(sum(parts, (t) => t.unemployed));
  const underPct = parts.reduce((acc, t) => acc + t.underemploymentPct * t.labourForce, 0) / lf;
  const formedMidYear = unit.validFrom !== null && unit.validFrom > `${year}-01-01` && unit.validFrom <= `${year}-12-31`;
  const scope = formedMidYear ? [...new Set([unit.code, ...predecessorsOf(units, unit).map((p) => p.code)])].sort() : [unit.code];
  const to = lastDayOfMonth(year, months);
  return {
    MaBaoCao: `TTLD-${year}-${unit.code}`,
    MaTinh: unit.code,
    TenTinh: unit.name,
    Nam: year,
    TuNgay: `${year}-01-01`,
    DenNgay: to,
    PhamViMaTinh: scope,
    LucLuongLaoDong: lf,
    SoNguoiCoViecLam: lf - unemployed,
    SoNguoiThatNghiep: unemployed,
    SoLaoDongQuaDaoTao: num(sum(parts, (t) => t.trained)),
    SoLaoDongCoKyNangSo: sum(parts, (t) => t.digital),
    SoNguoiTimViec: Math.round(num(sum(parts, (t) => t.jobSeekers)) * share),
    SoViecLamTrong: Math.round(num(sum(parts, (t) => t.vacancies)) * share),
    TyLeThieuViecLam: Math.round(underPct * 100) / 100,
    NgayCapNhat: updatedAt(year, to, unit.code, today),
    LaSoLieuMoPhong: true,
    GhiChu: SYNTHETIC_NOTE,
  };
}

/**
 * Every yearly report filed for `year` as of `today`, ordered by MaTinh: one per province in force
 * at the year's end (or at the last closed month of the running year). Empty outside 2020..today.
 */
export function yearlyReports(year: number, today: Date): BaoCaoNam[] {
  const closed = lastClosedMonth(today);
  if (year < FIRST_YEAR || year > closed.year) return [];
  const units = seedUnits();
  return provincesFilingYear(year, today)
    .map((u) => reportOf(units, u, year, today))
    .sort((a, b) => a.MaTinh.localeCompare(b.MaTinh));
}
