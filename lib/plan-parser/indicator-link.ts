// Links a target's measured thing to one of the project's measurable DTI input codes. Conservative by
// design: each rule needs its defining phrase, and texts that fit two rules or carry a known
// confounder ("trên thiết bị di động", "tài khoản thanh toán") are left unlinked.
import { fold } from './normalise.ts';
import type { IndicatorCode, IndicatorLink } from './types.ts';

interface Rule {
  code: IndicatorCode;
  /** Every pattern must match; the first one is reported as the matched phrase. */
  all: readonly RegExp[];
  none?: readonly RegExp[];
  /** Phrases blanked out before this rule is tested: "thanh toán trực tuyến" says how a fee is paid, not that a dossier is handled online. */
  ignore?: readonly RegExp[];
}

// Where a payment is the public-service kind the indicator counts (dossiers, procedures, their fees),
// not e-commerce, shopping or a payment account.
const PS_PAYMENT_CONTEXT = /(hồ sơ|thủ tục hành chính|tthc|dịch vụ công|dvc|lệ phí|nghĩa vụ tài chính)/u;
const ONLINE_PAYMENT = /thanh toán (trực tuyến|điện tử|qua mạng)/gu;

const RULES: readonly Rule[] = [
  { code: 'WORK_RECORDS_ONLINE_RATE', all: [/hồ sơ công việc/u, /(môi trường mạng|trực tuyến|môi trường điện tử|xử lý trên mạng)/u] },
  { code: 'PS_ON_TIME_RATE', all: [/(đúng hạn|đúng thời hạn|trước hạn)/u, /(hồ sơ|thủ tục hành chính|tthc)/u], none: [/hồ sơ công việc/u] },
  {
    code: 'PS_DIGITISED_DOSSIER_RATE',
    all: [/số hóa/u, /(hồ sơ|kết quả giải quyết)/u, /(thủ tục hành chính|tthc|kết quả giải quyết|hồ sơ)/u],
    none: [/hồ sơ công việc/u, /hồ sơ (bệnh án|sức khỏe)/u],
  },
  {
    code: 'PS_ONLINE_PAYMENT_RATE',
    all: [/thanh toán (trực tuyến|điện tử|qua mạng)/u, PS_PAYMENT_CONTEXT],
    none: [/tài khoản/u, /thương mại điện tử/u, /mua (sắm|bán|hàng)/u, /hàng hóa/u, /hồ sơ công việc/u],
  },
  {
    code: 'PS_FULLY_ONLINE_PROCEDURE_RATE',
    all: [/(dịch vụ công trực tuyến toàn trình|dvc(tt)? toàn trình|dịch vụ công trực tuyến mức độ 4|trực tuyến mức độ 4|toàn trình)/u, /(thủ tục hành chính|tthc|dịch vụ công|dvc)/u],
    none: [/thiết bị di động|phương tiện truy cập|hồ sơ/u],
  },
  {
    code: 'PS_ONLINE_DOSSIER_RATE',
    all: [/hồ sơ/u, /(trực tuyến|môi trường mạng|dịch vụ công trực tuyến)/u, /(thủ tục hành chính|tthc|dịch vụ công|tiếp nhận|giải quyết)/u],
    none: [/hồ sơ công việc/u, /số hóa/u, /đúng hạn/u],
    ignore: [ONLINE_PAYMENT],
  },
  {
    code: 'DOC_SIGNED_DIGITALLY_RATE',
    all: [/(ký số|chữ ký số)/u, /văn bản/u],
    none: [/(gửi|nhận|trao đổi|liên thông)/u],
  },
  {
    code: 'DOC_SENT_ELECTRONICALLY_RATE',
    all: [/văn bản/u, /(gửi|nhận|trao đổi|liên thông)/u, /(điện tử|môi trường mạng|trực tuyến)/u],
    none: [/(ký số|chữ ký số)/u, /hồ sơ/u],
  },
  { code: 'LAB_TRAINED_WORKFORCE_RATE', all: [/lao động (đã )?qua đào tạo/u] },
  { code: 'LAB_DIGITAL_SKILLS_RATE', all: [/kỹ năng số cơ bản/u] },
  { code: 'PLAN_TASK_COMPLETION_RATE', all: [/(nhiệm vụ[^.;]{0,40}(hoàn thành|thực hiện xong)|(hoàn thành|thực hiện xong)[^.;]{0,20}nhiệm vụ)/u], none: [/hồ sơ/u, /thủ tục/u] },
];

/** Recovers the original spelling of a folded match, for display. */
function originalPhrase(text: string, folded: string, m: RegExpExecArray): string {
  // fold() keeps one char per char once whitespace is collapsed, so the same slice of the collapsed original works.
  const collapsed = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return collapsed.length === folded.length ? collapsed.slice(m.index, m.index + m[0].length) : m[0];
}

/** Maps a target's text to an indicator code, or null when no rule (or more than one) applies. */
export function linkTargetToIndicator(text: string): IndicatorLink | null {
  const f = fold(text);
  const hits: IndicatorLink[] = [];
  for (const rule of RULES) {
    // Blanked with spaces of the same length, so match positions still index the original text.
    const g = (rule.ignore ?? []).reduce((t, re) => t.replace(re, (m) => ' '.repeat(m.length)), f);
    const matches = rule.all.map((re) => re.exec(g));
    if (matches.some((m) => m === null)) continue;
    if (rule.none?.some((re) => re.test(g))) continue;
    const first = matches[0];
    if (!first) continue;
    hits.push({ code: rule.code, matchedOn: originalPhrase(text, f, first) });
  }
  return hits.length === 1 ? (hits[0] ?? null) : null;
}
