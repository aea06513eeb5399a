import type { AdministrativeUnitRecord } from '../../lib/units/index.ts';
import type { SimRequest, SimResponse, SimRoute } from '../shared/server.ts';
import { seedUnits } from '../shared/units.ts';
import { createRegistry, registryPlanSchema, type StoredPlan } from './registry.ts';
import { unitToWire } from './wire.ts';

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

function planToWire(p: StoredPlan): Record<string, unknown> {
  const { noiDung: _text, ...record } = p;
  return record;
}

/**
 * The plan registry's API (kho kế hoạch chuyển đổi số). The seed plans are parsed on the first
 * request that reads or adds a plan, not at start: parsing them is most of the simulator's
 * start-up (≈ 0.2 s of CPU), and a health probe or the unit list never needs them.
 */
export function planRoutes(): SimRoute[] {
  const units: readonly AdministrativeUnitRecord[] = seedUnits();
  let seeded: ReturnType<typeof createRegistry> | undefined;
  const registry = (): ReturnType<typeof createRegistry> => (seeded ??= createRegistry());
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
        const ids = req.url.searchParams.get('maKeHoach')?.split(',');
        const rows = registry().plans.filter((p) => (codes === undefined || codes.includes(p.maDonVi)) && (ids === undefined || ids.includes(p.id)));
        return page(req, rows, planToWire);
      },
    },
    {
      name: 'ke-hoach-chi-tiet',
      method: 'GET',
      path: '/api/v1/ke-hoach/:id',
      handler: (req) => {
        const plan = registry().plans.find((p) => p.id === req.params['id']);
        if (plan === undefined) return registryError(404, `Không tìm thấy kế hoạch ${req.params['id'] ?? ''}`);
        return { status: 200, json: { thanhCong: true, duLieu: { ...planToWire(plan), noiDung: plan.noiDung } } };
      },
    },
    {
      name: 'ke-hoach-them-moi',
      method: 'POST',
      path: '/api/v1/ke-hoach',
      handler: (req) => {
        let body: unknown;
        try {
          body = JSON.parse(req.body);
        } catch {
          return registryError(400, 'Dữ liệu gửi lên không phải JSON');
        }
        const parsed = registryPlanSchema.extend({ noiDung: registryPlanSchema.shape.trichYeu }).safeParse(body);
        if (!parsed.success) {
          return registryError(400, `Dữ liệu kế hoạch không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        }
        const { noiDung, ...record } = parsed.data;
        const duplicate = registry().plans.find((p) => p.soKyHieu === record.soKyHieu && p.maDonVi === record.maDonVi && p.ngayBanHanh === record.ngayBanHanh);
        if (duplicate !== undefined) return registryError(409, `Kế hoạch ${record.soKyHieu} đã có trong kho (${duplicate.id})`);
        return { status: 201, json: { thanhCong: true, duLieu: planToWire(registry().add(record, noiDung)) } };
      },
    },
  ];
}
