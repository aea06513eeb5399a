import { readFileSync } from 'node:fs';
import type { AdministrativeUnitRecord } from '../../lib/units/index.ts';
import type { SimRequest, SimResponse, SimRoute } from '../shared/server.ts';
import { seedUnits } from '../shared/units.ts';
import { SEED_DIR_URL, SEED_PLANS, type SeedPlanManifestEntry } from './seed-plans.ts';
import { toWireDate, unitToWire } from './wire.ts';

const MAX_PAGE_SIZE = 500;

/** The registry's error envelope. */
export function registryError(status: number, message: string): SimResponse {
  return { status, json: { thanhCong: false, maLoi: `ERR_${status}`, thongBao: message } };
}

function page<T>(req: SimRequest, rows: readonly T[], map: (row: T) => unknown): SimResponse {
  const trang = Number(req.url.searchParams.get('trang') ?? '1');
  const soBanGhi = Number(req.url.searchParams.get('soBanGhi') ?? '100');
  if (!Number.isInteger(trang) || trang < 1 || !Number.isInteger(soBanGhi) || soBanGhi < 1 || soBanGhi > MAX_PAGE_SIZE) {
    return registryError(400, `Tham số phân trang không hợp lệ: trang >= 1, 1 <= soBanGhi <= ${MAX_PAGE_SIZE}`);
  }
  const slice = rows.slice((trang - 1) * soBanGhi, trang * soBanGhi);
  const duLieu = slice.map(map);
  if (req.malformed) {
    // A vendor upgrade renamed the envelope and sends the total as text.
    return { status: 200, json: { thanhCong: true, data: duLieu, tongSo: 'nhiều', trang } };
  }
  return { status: 200, json: { thanhCong: true, duLieu, tongSo: rows.length, trang, soBanGhi } };
}

function codesParam(req: SimRequest): string[] | undefined {
  const raw = req.url.searchParams.get('maDonVi');
  return raw === null ? undefined : raw.split(',').map((c) => c.trim()).filter((c) => c !== '');
}

interface StoredPlan extends SeedPlanManifestEntry {
  readonly id: string;
  readonly text: string;
}

function loadPlans(): StoredPlan[] {
  return SEED_PLANS.map((p, i) => ({
    ...p,
    id: `KH-${String(i + 1).padStart(6, '0')}`,
    text: readFileSync(new URL(p.file, SEED_DIR_URL), 'utf8').normalize('NFC'),
  }));
}

function planToWire(p: StoredPlan): Record<string, unknown> {
  return {
    id: p.id,
    soKyHieu: p.symbol,
    trichYeu: p.title,
    coQuanBanHanh: p.issuer,
    ngayBanHanh: toWireDate(p.issuedOn),
    maDonVi: p.unitCode,
    canCu: p.legalBasis,
    tepVanBan: p.file,
  };
}

/** The plan registry's API (kho kế hoạch chuyển đổi số). */
export function planRoutes(): SimRoute[] {
  const units: readonly AdministrativeUnitRecord[] = seedUnits();
  const plans = loadPlans();
  const LEVELS: Record<string, AdministrativeUnitRecord['level']> = { TINH: 'province', HUYEN: 'district', XA: 'commune' };
  return [
    {
      name: 'danh-muc-don-vi-hanh-chinh',
      method: 'GET',
      path: '/api/v1/danh-muc/don-vi-hanh-chinh',
      handler: (req) => {
        const cap = req.url.searchParams.get('cap');
        const level = cap === null ? undefined : LEVELS[cap];
        if (cap !== null && level === undefined) return registryError(400, `Cấp đơn vị không hợp lệ: ${cap} (TINH, HUYEN, XA)`);
        const rows = units.filter((u) => level === undefined || u.level === level);
        return page(req, rows, unitToWire);
      },
    },
    {
      name: 'ke-hoach',
      method: 'GET',
      path: '/api/v1/ke-hoach',
      handler: (req) => {
        const codes = codesParam(req);
        const rows = plans.filter((p) => codes === undefined || codes.includes(p.unitCode));
        return page(req, rows, planToWire);
      },
    },
    {
      name: 'ke-hoach-chi-tiet',
      method: 'GET',
      path: '/api/v1/ke-hoach/:id',
      handler: (req) => {
        const plan = plans.find((p) => p.id === req.params['id']);
        if (plan === undefined) return registryError(404, `Không tìm thấy kế hoạch ${req.params['id'] ?? ''}`);
        return { status: 200, json: { thanhCong: true, duLieu: { ...planToWire(plan), noiDung: plan.text } } };
      },
    },
  ];
}
