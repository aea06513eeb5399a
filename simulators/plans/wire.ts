import type { AdministrativeUnitRecord } from '../../lib/units/index.ts';

/** The registry's date format: dd/MM/yyyy. */
export function toWireDate(iso: string | null): string | null {
  if (iso === null) return null;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const LEVEL: Record<AdministrativeUnitRecord['level'], string> = { province: 'TINH', district: 'HUYEN', commune: 'XA' };

/** A unit as the registry's catalogue (danh mục đơn vị hành chính) spells it. */
export function unitToWire(u: AdministrativeUnitRecord): Record<string, unknown> {
  return {
    ma: u.code,
    ten: u.name,
    cap: LEVEL[u.level],
    maCapTren: u.parentCode,
    hieuLucTu: toWireDate(u.validFrom),
    hieuLucDen: toWireDate(u.validTo),
    sapNhapVao: u.mergedInto,
    ghiChu: u.notes,
    daXacMinh: u.confirmed,
  };
}
