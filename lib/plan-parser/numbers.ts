// Vietnamese number and money notation: "1.170.385.000" (dot thousands), "5,5" (comma decimal),
// "1.200 triệu đồng", "5,191 tỷ đồng".

/**
 * Parses a Vietnamese-formatted number. Dots group thousands and a comma marks decimals; a lone dot
 * followed by other than three digits is read as a decimal point ("2.5"). Returns null for non-numbers.
 */
export function parseVietnameseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, '');
  if (!/^\d[\d.,]*$/u.test(s) || /[.,]$/u.test(s)) return null;
  const hasDot = s.includes('.');
  const hasComma = s.includes(',');
  let normalised: string;
  if (hasDot && hasComma) {
    // Whichever comes last is the decimal separator.
    normalised = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (hasDot) {
    const groups = s.split('.');
    normalised = groups.length > 2 || groups[1]?.length === 3 ? groups.join('') : s;
  } else if (hasComma) {
    const groups = s.split(',');
    normalised = groups.length > 2 ? groups.join('') : s.replace(',', '.');
  } else normalised = s;
  if (!/^\d+(\.\d+)?$/u.test(normalised)) return null;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

const SCALE: Readonly<Record<string, number>> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };

/** Money amount pattern: number, optional scale word, currency word. Group 1 = number, 2 = scale. */
export const MONEY_SRC = String.raw`(\d[\d.,]*\d|\d)\s*(nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|VNĐ|VND|vnđ|vnd|đ)(?![\p{L}])`;

/** Converts a number string plus optional scale word ("triệu", "tỷ") to whole đồng. */
export function toVND(numberText: string, scaleWord: string | undefined): number | null {
  const n = parseVietnameseNumber(numberText);
  if (n === null) return null;
  const scale = scaleWord ? (SCALE[scaleWord.toLowerCase()] ?? 1) : 1;
  return Math.round(n * scale);
}

/** Parses a money phrase ("1.170.385.000 đồng", "5,5 tỷ đồng") to đồng, or null. */
export function parseMoneyVND(text: string): number | null {
  const m = new RegExp(MONEY_SRC, 'u').exec(text);
  if (!m?.[1]) return null;
  return toVND(m[1], m[2]);
}
