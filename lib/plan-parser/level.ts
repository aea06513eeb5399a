// The administrative level of the body that issues a plan, which is the level of its targets unless a
// sentence names another: a district People's Committee's plan sets district targets.
import type { AdminLevel } from './types.ts';

/** Lower-case, diacritics removed, "đ" → "d", whitespace collapsed: for matching level words. */
function ascii(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase().replace(/\s+/gu, ' ').trim();
}

// Cities under the central government are provinces; every other "thành phố" is a city under a province.
const CENTRAL_CITIES = /^thanh pho (ha noi|ho chi minh|hai phong|da nang|can tho|hue)$/u;

/** Level of an issuer as the parser names it ("UBND huyện Thọ Xuân" → district); null when it cannot tell. */
export function issuerLevel(issuer: string | null): AdminLevel | null {
  if (issuer === null) return null;
  const f = ascii(issuer)
    // The committee's office ("Văn phòng UBND tỉnh X") acts at the committee's level.
    .replace(/^(van phong\s+)?(ubnd|uy ban nhan dan)\s+/u, '')
    // A steering committee of a level ("Ban Chỉ đạo chuyển đổi số huyện X") acts at that level.
    .replace(/^ban chi dao [\p{L} ]*?(?=(huyen|quan|thi xa|tinh|xa|phuong|thi tran) )/u, '');
  if (/^(xa|phuong|thi tran) /u.test(f)) return 'commune';
  if (/^(huyen|quan|thi xa) /u.test(f)) return 'district';
  if (/^tinh /u.test(f)) return 'province';
  if (CENTRAL_CITIES.test(f)) return 'province';
  if (/^thanh pho /u.test(f)) return 'district';
  return null;
}

// "UBND huyện phấn đấu …": a news report that names the acting committee by its level only.
const AREA = /(?:tren dia ban|tai|cua|chinh quyen cap|ubnd|uy ban nhan dan|toan) (tinh|huyen|thi xa|quan|xa|phuong|thi tran)(?![\p{L}])/gu;
// A centrally-run city named by itself ("Thành phố Cần Thơ phấn đấu …") is a province-level area.
const CENTRAL_CITY_NAMED = /(?<![\p{L}])thanh pho (?:ha noi|ho chi minh|hai phong|da nang|can tho|hue)(?![\p{L}])/gu;
const AREA_LEVEL: Readonly<Record<string, AdminLevel>> = {
  tinh: 'province', huyen: 'district', 'thi xa': 'district', quan: 'district', xa: 'commune', phuong: 'commune', 'thi tran': 'commune',
};

/**
 * Level of the plan: its issuer's, else — for a copy that does not name the issuer (an annex, a page that
 * starts at the objectives, a news report) — the area the text keeps referring to ("trên địa bàn xã", "tại xã",
 * "UBND huyện"), when one area clearly dominates or is the only one named.
 */
export function planLevel(issuer: string | null, lines: readonly string[]): AdminLevel | null {
  const own = issuerLevel(issuer);
  if (own !== null) return own;
  const counts = new Map<AdminLevel, number>();
  const text = ascii(lines.join(' '));
  for (const m of text.matchAll(AREA)) {
    const l = AREA_LEVEL[m[1] ?? ''];
    if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const cities = [...text.matchAll(CENTRAL_CITY_NAMED)].length;
  if (cities > 0) counts.set('province', (counts.get('province') ?? 0) + cities);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first && first[1] >= 2 && (second === undefined || first[1] >= 2 * second[1])) return first[0];
  // One mention, and no other area named at all ("… đóng góp vào GRDP của tỉnh"): the only area the copy names.
  if (first && second === undefined) return first[0];
  return null;
}
