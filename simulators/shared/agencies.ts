import type { AdministrativeUnitRecord } from '../../lib/units/index.ts';

/** A government body as the simulators seed it. */
export interface SeedAgency {
  /** Simulator-assigned code `<unitCode>.<short>`; the real QĐ 20/2020 identifiers (H-codes) were not researched. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly unitId: string;
  readonly unitCode: string;
  readonly kind: 'department' | 'people-committee' | 'office' | 'inspectorate';
  /** ISO date or null (in force before the simulated period). */
  readonly validFrom: string | null;
  /** ISO date, inclusive, or null. */
  readonly validTo: string | null;
}

interface DepartmentTemplate {
  readonly short: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: SeedAgency['kind'];
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

// Provincial departments mirror the 1 March 2025 ministry mergers (NQ 176/2025/QH15). Whether every
// province merged its Sở the same day is unconfirmed; the simulator assumes 2025-03-01.
const MERGE_DAY = '2025-03-01';
const EVE = '2025-02-28';
const DEPARTMENTS: readonly DepartmentTemplate[] = [
  { short: 'UBND', name: 'Ủy ban nhân dân', nameEn: "People's Committee", kind: 'people-committee', validFrom: null, validTo: null },
  { short: 'VP', name: 'Văn phòng Ủy ban nhân dân', nameEn: "Office of the People's Committee", kind: 'office', validFrom: null, validTo: null },
  { short: 'SNV', name: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', kind: 'department', validFrom: null, validTo: null },
  { short: 'STC', name: 'Sở Tài chính', nameEn: 'Department of Finance', kind: 'department', validFrom: null, validTo: null },
  { short: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', nameEn: 'Department of Planning and Investment', kind: 'department', validFrom: null, validTo: EVE },
  { short: 'STTTT', name: 'Sở Thông tin và Truyền thông', nameEn: 'Department of Information and Communications', kind: 'department', validFrom: null, validTo: EVE },
  { short: 'SKHCN', name: 'Sở Khoa học và Công nghệ', nameEn: 'Department of Science and Technology', kind: 'department', validFrom: null, validTo: null },
  { short: 'SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', nameEn: 'Department of Labour, Invalids and Social Affairs', kind: 'department', validFrom: null, validTo: EVE },
  { short: 'STP', name: 'Sở Tư pháp', nameEn: 'Department of Justice', kind: 'department', validFrom: null, validTo: null },
  { short: 'SYT', name: 'Sở Y tế', nameEn: 'Department of Health', kind: 'department', validFrom: null, validTo: null },
  { short: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', nameEn: 'Department of Education and Training', kind: 'department', validFrom: null, validTo: null },
  { short: 'SCT', name: 'Sở Công Thương', nameEn: 'Department of Industry and Trade', kind: 'department', validFrom: null, validTo: null },
  { short: 'SXD', name: 'Sở Xây dựng', nameEn: 'Department of Construction', kind: 'department', validFrom: null, validTo: null },
  { short: 'SGTVT', name: 'Sở Giao thông vận tải', nameEn: 'Department of Transport', kind: 'department', validFrom: null, validTo: EVE },
  { short: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', nameEn: 'Department of Agriculture and Rural Development', kind: 'department', validFrom: null, validTo: EVE },
  { short: 'STNMT', name: 'Sở Tài nguyên và Môi trường', nameEn: 'Department of Natural Resources and Environment', kind: 'department', validFrom: null, validTo: EVE },
  { short: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', nameEn: 'Department of Agriculture and Environment', kind: 'department', validFrom: MERGE_DAY, validTo: null },
  { short: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', nameEn: 'Department of Culture, Sports and Tourism', kind: 'department', validFrom: null, validTo: null },
  { short: 'TTr', name: 'Thanh tra tỉnh', nameEn: 'Provincial Inspectorate', kind: 'inspectorate', validFrom: null, validTo: null },
];

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function qualifier(unit: AdministrativeUnitRecord): string {
  if (unit.level !== 'province') return unit.name;
  return unit.name.replace(/^(Tỉnh|Thành phố)\s+/u, (m) => m.toLowerCase());
}

/** The agencies of one unit over its whole validity (a province's departments; a district's People's Committee). */
export function agenciesOf(unit: AdministrativeUnitRecord): SeedAgency[] {
  if (unit.level !== 'province') {
    return [
      {
        code: `${unit.parentCode ?? 'xx'}.${unit.code}.UBND`,
        name: `Ủy ban nhân dân ${unit.name}`,
        nameEn: `People's Committee of ${unit.name}`,
        unitId: unit.id,
        unitCode: unit.code,
        kind: 'people-committee',
        validFrom: unit.validFrom,
        validTo: unit.validTo,
      },
    ];
  }
  const agencies: SeedAgency[] = [];
  for (const d of DEPARTMENTS) {
    const validFrom = later(unit.validFrom, d.validFrom);
    const validTo = earlier(unit.validTo, d.validTo);
    if (validFrom !== null && validTo !== null && validFrom > validTo) continue;
    const name = d.kind === 'inspectorate' ? d.name.replace('tỉnh', qualifier(unit)) : `${d.name} ${qualifier(unit)}`;
    agencies.push({
      // Codes reused across eras stay unique: the unit's start date disambiguates a merged province.
      code: unit.validFrom === null ? `${unit.code}.${d.short}` : `${unit.code}.${d.short}.${unit.validFrom.slice(0, 4)}`,
      name,
      nameEn: `${d.nameEn}, ${unit.name}`,
      unitId: unit.id,
      unitCode: unit.code,
      kind: d.kind,
      validFrom,
      validTo,
    });
  }
  return agencies;
}

/** Agencies in force on an ISO date, across the given units. */
export function agenciesInForce(units: readonly AdministrativeUnitRecord[], date: string): SeedAgency[] {
  return units
    .flatMap((u) => agenciesOf(u))
    .filter((a) => (a.validFrom === null || a.validFrom <= date) && (a.validTo === null || date <= a.validTo));
}

