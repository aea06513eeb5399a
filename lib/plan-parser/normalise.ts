// Input clean-up: Unicode NFC, whitespace, table remnants, web-page noise, and a folding function for
// keyword matching that is insensitive to case and to old/new Vietnamese tone-mark placement.

const NOISE_LINE_PATTERNS: readonly RegExp[] = [
  /^[|\-–—_=*.·•\s]+$/u, // separators and bare table remnants
  /^(thứ\s+(hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*[-–,]\s*\d{1,2}\/\d{1,2}\/\d{4}/iu, // web article date stamp
  /tổng số điểm của bài viết/iu,
  /^ý kiến bạn đọc/iu,
  /bấm vào đây để|trạng thái đăng nhập|thời gian chờ: \d/iu,
  /^(chia sẻ|in bài|gửi bài|lượt xem|tin liên quan|các tin khác|tin cùng chuyên mục|bản quyền|copyright|trang chủ|tải về|tải file|xem thêm|bình luận)\b/iu,
  /^(facebook|twitter|zalo|email|print)$/iu,
];

// Signature/distribution block: nothing after it belongs to the plan body.
const END_OF_BODY = /^(nơi nhận\s*:?|nơi nhận$)/iu;

// A Quyết định often carries the plan itself after its signature block, as an attachment ("KẾ HOẠCH ...
// (Ban hành kèm theo Quyết định số ...)", "PHỤ LỤC"): reading resumes there.
const ANNEX_START = /^(?:KẾ HOẠCH|PHỤ LỤC|CHƯƠNG TRÌNH|ĐỀ ÁN|DANH MỤC|QUY CHẾ)(?:\s|$)|^\(?(?:Ban hành )?kèm theo (?:Quyết định|Kế hoạch)/iu;

/** Normalises raw document text into trimmed, noise-free lines (NFC, no table pipes, no signature/distribution blocks). */
export function normaliseLines(raw: string): string[] {
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\u00A0\u2007\u202F\t]/g, ' ');
  const out: string[] = [];
  let inSignature = false;
  for (const rawLine of text.split('\n')) {
    const line = cleanLine(rawLine);
    if (line === '') continue;
    if (inSignature) {
      if (!ANNEX_START.test(line)) continue;
      inSignature = false;
    }
    if (END_OF_BODY.test(line)) {
      inSignature = true;
      continue;
    }
    if (NOISE_LINE_PATTERNS.some((re) => re.test(line))) continue;
    out.push(line);
  }
  return out;
}

/** Trims a line, drops leading/trailing table pipes and collapses inner whitespace. */
export function cleanLine(line: string): string {
  return line
    .replace(/^[\s|]+|[\s|]+$/g, '')
    .replace(/\s*\|\s*/g, ' | ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Collapses whitespace (including line breaks) and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Removes trailing sentence punctuation (".", ";", ",", ":") and surrounding spaces. */
export function stripTrailingPunct(s: string): string {
  const t = s.trim().replace(/\s*\.\/\.$/u, '');
  if (/(\.\.\.|…)$/u.test(t)) return t; // an ellipsis is part of the text
  return t.replace(/[\s.;,:]+$/u, '').trim();
}

// Old-style tone placement differs only in open syllables ("hoá"/"hóa", "thuỷ"/"thủy"); closed ones
// ("hoàn", "hoạt") are the same in both styles and must not be touched.
const TONE_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/oá(?!\p{L})/gu, 'óa'], [/oà(?!\p{L})/gu, 'òa'], [/oả(?!\p{L})/gu, 'ỏa'], [/oã(?!\p{L})/gu, 'õa'], [/oạ(?!\p{L})/gu, 'ọa'],
  [/oé(?!\p{L})/gu, 'óe'], [/oè(?!\p{L})/gu, 'òe'], [/oẻ(?!\p{L})/gu, 'ỏe'], [/oẽ(?!\p{L})/gu, 'õe'], [/oẹ(?!\p{L})/gu, 'ọe'],
  [/(?<!q)uý(?!\p{L})/gu, 'úy'], [/(?<!q)uỳ(?!\p{L})/gu, 'ùy'], [/(?<!q)uỷ(?!\p{L})/gu, 'ủy'], [/(?<!q)uỹ(?!\p{L})/gu, 'ũy'], [/(?<!q)uỵ(?!\p{L})/gu, 'ụy'],
  [/kĩ(?!\p{L})/gu, 'kỹ'],
];

/**
 * Folds text for keyword matching: NFC, lower case, single spaces, and new-style tone placement
 * ("hoá" → "hóa", "uỷ" → "ủy") so both spellings match. Keeps the string length-compatible only
 * loosely; use it for tests of presence, not for slicing the original.
 */
export function fold(s: string): string {
  let t = s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
  for (const [re, rep] of TONE_FOLDS) t = t.replace(re, rep);
  return t.trim();
}

const UPPER_LETTER = /\p{Lu}/u;
const LOWER_LETTER = /\p{Ll}/u;

/** Share of letters that are upper case (0 when there are no letters). */
export function upperRatio(s: string): number {
  let upper = 0;
  let letters = 0;
  for (const ch of s) {
    if (UPPER_LETTER.test(ch)) {
      upper++;
      letters++;
    } else if (LOWER_LETTER.test(ch)) letters++;
  }
  return letters === 0 ? 0 : upper / letters;
}

/** True when the first letter of the string is upper case. */
export function startsUpper(s: string): boolean {
  const m = /\p{L}/u.exec(s);
  return m !== null && UPPER_LETTER.test(m[0]) && s.trimStart()[0] === m[0];
}

/** True when the string begins with a lower-case letter. */
export function startsLower(s: string): boolean {
  const c = s.trimStart()[0];
  return c !== undefined && LOWER_LETTER.test(c);
}
