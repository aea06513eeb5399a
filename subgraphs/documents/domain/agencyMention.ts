import type { Agency } from './types.ts';

/** What a plan's agency mention resolved to, with the reason when it links to nothing. */
export type MentionMatch =
  | { readonly kind: 'matched'; readonly agency: Agency }
  /** Names a group ("Các sở, ban, ngành", "UBND các huyện…"), not one agency. */
  | { readonly kind: 'collective' }
  /** More than one agency in force fits the name. */
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Agency[] }
  /** The name fits an agency of the unit, but none in force on the date (e.g. merged away). */
  | { readonly kind: 'not-in-force'; readonly agencies: readonly Agency[] }
  | { readonly kind: 'unknown' };

// Common abbreviations in plan documents, expanded to the directory's wording. Applied to
// lower-cased text before punctuation is dropped, so "&" and "-" still delimit them.
const ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['ubnd', 'ủy ban nhân dân'],
  ['tt&tt', 'thông tin và truyền thông'],
  ['tt-tt', 'thông tin và truyền thông'],
  ['kh&đt', 'kế hoạch và đầu tư'],
  ['khđt', 'kế hoạch và đầu tư'],
  ['kh&cn', 'khoa học và công nghệ'],
  ['khcn', 'khoa học và công nghệ'],
  ['gd&đt', 'giáo dục và đào tạo'],
  ['gdđt', 'giáo dục và đào tạo'],
  ['lđ-tb&xh', 'lao động thương binh và xã hội'],
  ['lđtbxh', 'lao động thương binh và xã hội'],
  ['tn&mt', 'tài nguyên và môi trường'],
  ['tnmt', 'tài nguyên và môi trường'],
  ['nn&ptnt', 'nông nghiệp và phát triển nông thôn'],
  ['nnptnt', 'nông nghiệp và phát triển nông thôn'],
  ['nn&mt', 'nông nghiệp và môi trường'],
  ['vh,tt&dl', 'văn hóa thể thao và du lịch'],
  ['vhttdl', 'văn hóa thể thao và du lịch'],
  ['gtvt', 'giao thông vận tải'],
];

// Old-style and new-style tone placement ("hoà"/"hòa", "uỷ"/"ủy") spell the same word.
const TONES_A = 'àáảãạ';
const TONES_E = 'èéẻẽẹ';
const TONES_Y = 'ỳýỷỹỵ';

function canonicalTones(s: string): string {
  return s
    .replace(/o([àáảãạ])/gu, (_m, v: string) => `${'òóỏõọ'[TONES_A.indexOf(v)] ?? 'o'}a`)
    .replace(/o([èéẻẽẹ])/gu, (_m, v: string) => `${'òóỏõọ'[TONES_E.indexOf(v)] ?? 'o'}e`)
    .replace(/u([ỳýỷỹỵ])/gu, (_m, v: string) => `${'ùúủũụ'[TONES_Y.indexOf(v)] ?? 'u'}y`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ABBREVIATION_PATTERNS = ABBREVIATIONS.map(([abbr, full]) => [new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(abbr)}(?![\\p{L}\\d])`, 'gu'), full] as const);

/** Canonical form for comparing agency names: NFC, lower case, one tone placement, abbreviations expanded, punctuation dropped. */
export function normaliseAgencyName(name: string): string {
  let s = canonicalTones(name.normalize('NFC').toLocaleLowerCase('vi'));
  for (const [pattern, full] of ABBREVIATION_PATTERNS) s = s.replace(pattern, full);
  return s
    .replace(/&/gu, ' và ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// A mention naming a group of agencies. Checked before matching so that stripping a trailing
// "thành phố" from "UBND các huyện, thị xã, thành phố" can never turn it into one agency.
// Normalised text is words joined by single spaces, so phrases are matched between spaces.
const COLLECTIVE: readonly RegExp[] = [
  /^(các|những|toàn bộ|tất cả|mọi) /u,
  / (các|những) /u,
  /(^| )cấp (huyện|xã)( |$)/u,
  /(^| )ban ngành( |$)/u,
  /(^| )liên quan$/u,
  /(^| )trực thuộc( |$)/u,
];

/** True when a mention names a group of agencies rather than one. */
export function isCollectiveMention(mention: string): boolean {
  const n = normaliseAgencyName(mention);
  return COLLECTIVE.some((p) => p.test(n));
}

function words(s: string): string[] {
  return s.split(' ').filter((w) => w !== '');
}

/**
 * The unit qualifier the directory appends to its agencies' names ("tỉnh quảng nam"), as the
 * longest common word suffix of their normalised names; null when it cannot be told apart.
 */
function unitQualifier(names: readonly string[]): string[] | null {
  const [first, ...rest] = names.map(words);
  if (first === undefined || rest.length === 0) return null;
  let n = first.length;
  for (const w of rest) {
    let k = 0;
    while (k < n && k < w.length && w[w.length - 1 - k] === first[first.length - 1 - k]) k++;
    n = k;
  }
  const suffix = first.slice(first.length - n);
  // Only a province-level qualifier; anything else would strip part of a department's name.
  return suffix[0] === 'tỉnh' || (suffix[0] === 'thành' && suffix[1] === 'phố') ? suffix : null;
}

function endsWith(ws: readonly string[], suffix: readonly string[]): boolean {
  return suffix.length < ws.length && suffix.every((w, i) => ws[ws.length - suffix.length + i] === w);
}

// Drops the unit qualifier, or a bare "tỉnh"/"thành phố" meaning the unit itself ("Thanh tra tỉnh").
function withoutQualifier(name: string, qualifier: readonly string[] | null): string {
  const ws = words(name);
  for (const suffix of [qualifier, ['tỉnh'], ['thành', 'phố']]) {
    if (suffix !== null && endsWith(ws, suffix)) return ws.slice(0, ws.length - suffix.length).join(' ');
  }
  return ws.join(' ');
}

function inForce(a: Agency, onDate: string): boolean {
  return (a.validFrom === null || a.validFrom <= onDate) && (a.validTo === null || onDate <= a.validTo);
}

/**
 * Resolves an agency as a plan names it against the directory agencies of the plan's unit, on a
 * date. Conservative: an exact match of the normalised name (unit qualifier optional) to exactly
 * one agency in force; collective, ambiguous or unknown mentions link to nothing.
 */
export function matchAgencyMention(mention: string, unitAgencies: readonly Agency[], onDate: string): MentionMatch {
  if (isCollectiveMention(mention)) return { kind: 'collective' };
  const qualifier = unitQualifier(unitAgencies.map((a) => normaliseAgencyName(a.name)));
  const wanted = withoutQualifier(normaliseAgencyName(mention), qualifier);
  if (wanted === '') return { kind: 'unknown' };
  const named = unitAgencies.filter((a) => withoutQualifier(normaliseAgencyName(a.name), qualifier) === wanted);
  const current = named.filter((a) => inForce(a, onDate));
  const [only, ...others] = current;
  if (only !== undefined && others.length === 0) return { kind: 'matched', agency: only };
  if (current.length > 1) return { kind: 'ambiguous', candidates: current };
  return named.length > 0 ? { kind: 'not-in-force', agencies: named } : { kind: 'unknown' };
}
