// Agency lists as written in plans: "Sở Thông tin và Truyền thông, Sở Nội vụ; UBND các huyện, thị xã,
// thành phố và các đơn vị có liên quan". Commas also occur inside one agency ("Các sở, ban, ngành"),
// so a list is only split where the next piece starts like an agency name.
import { squash, stripTrailingPunct } from './normalise.ts';

const AGENCY_START_SRC = String.raw`(?:(?:các|Các)\s+(?:sở|Sở|cơ quan|đơn vị|tổ chức|doanh nghiệp|tập đoàn|cơ sở|Hội|hội|Ban|ban|bộ|Bộ|trường|Trường|ngân hàng|phòng|Phòng|xã|huyện|đoàn thể|địa phương|hiệp hội|công ty|UBND|Ủy ban|Uỷ ban)|Sở\s+\p{Lu}|Sở,|UBND|Ủy ban|Uỷ ban|ỦY BAN|Đài\s|Báo\s+\p{Lu}|Công an|Bộ\s+\p{Lu}|Cục\s|Văn phòng|Trung tâm|Tỉnh đoàn|Tỉnh ủy|Ban\s+\p{Lu}|Hội\s+\p{Lu}|Liên đoàn|Viện\s|Trường\s+\p{Lu}|Kho bạc|Ngân hàng|Cơ quan|Bảo hiểm|Hiệp hội|Mặt trận|Đoàn\s|Bưu điện|Công ty|công ty|Chi cục|Thanh tra|Viettel|VNPT|Bộ Chỉ huy|Ban Chỉ đạo|Ban Quản lý|Phòng\s+\p{Lu}|Hội đồng|HĐND|Thường trực|Chủ tịch|Giám đốc|Thủ trưởng|Người đứng đầu|Trưởng\s+\p{Lu}|Phó\s+(?:Trưởng|Giám đốc|Chủ tịch)|Chánh\s+Văn phòng)`;

// Stand in for a " và " / ", " that must not split a name; private-use, so they cannot occur in input text.
const JOINED_AND = '\uE000';
const JOINED_COMMA = '\uE001';
const JOINT_OFFICE = /Văn phòng\s+(?:Đoàn\s+(?:ĐBQH|đại biểu Quốc hội)(?:\s*,\s*|\s+và\s+))?(?:HĐND|Hội đồng nhân dân)\s+và\s+(?=UBND|Ủy ban nhân dân|Uỷ ban nhân dân)/gu;

/** Matches text that starts like an agency name. */
export const AGENCY_START = new RegExp(`^${AGENCY_START_SRC}`, 'u');

function splitTopLevel(s: string, sep: RegExp): string[] {
  // Split on a separator only outside parentheses.
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && ch !== undefined && sep.test(ch)) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/** Splits an agency list into agency names, as written (whitespace normalised, no trailing punctuation). */
export function splitAgencies(raw: string): string[] {
  // "Văn phòng HĐND và UBND huyện" (also "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh") is one office.
  const text = squash(raw).replace(JOINT_OFFICE, (m) => m.replace(/\s+và\s+/gu, JOINED_AND).replace(/,\s*/gu, JOINED_COMMA));
  const out: string[] = [];
  for (const part of splitTopLevel(text, /;/u)) {
    // Split at ", X" or " và X" when X starts like an agency name.
    const pieces: string[] = [];
    let rest = part.trim();
    const splitter = new RegExp(`(?:,\\s*|\\s+và\\s+)(?=${AGENCY_START_SRC})`, 'u');
    for (;;) {
      const m = splitter.exec(rest);
      if (!m || m.index === 0) break;
      pieces.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    pieces.push(rest);
    for (const p of pieces) {
      const cleaned = stripTrailingPunct(p.replace(/^(và|cùng)\s+/u, '').replaceAll(JOINED_AND, ' và ').replaceAll(JOINED_COMMA, ', ').replace(/\s+/g, ' ').trim());
      if (cleaned !== '' && /\p{L}/u.test(cleaned)) out.push(cleaned);
    }
  }
  return out;
}

// Verbs that end an inline "phối hợp với X ..." agency list. Lower-case only, so agency names with a
// capitalised word ("Sở Nông nghiệp và Phát triển nông thôn") are not cut.
const LIST_END_VERBS = [
  'tổ chức triển khai', 'tổ chức thực hiện', 'tổ chức bảo đảm', 'tổ chức xây dựng', 'tổ chức các', 'tổ chức đánh giá',
  'triển khai', 'xây dựng', 'tham mưu', 'hướng dẫn', 'thực hiện', 'rà soát', 'đề xuất', 'theo dõi', 'bổ sung',
  'đẩy mạnh', 'ban hành', 'lồng ghép', 'nghiên cứu', 'kiểm tra', 'mời', 'thẩm định', 'để', 'nhằm', 'trong việc',
  'tuyên truyền', 'cung cấp', 'đánh giá', 'phổ biến', 'vận hành', 'quản lý', 'hỗ trợ', 'chỉ đạo', 'đôn đốc',
  'giám sát', 'tổng hợp', 'thống nhất', 'phát triển', 'điều chỉnh', 'cập nhật', 'duy trì', 'thành lập', 'trình',
  'xác định', 'khảo sát', 'biên soạn', 'đào tạo', 'bồi dưỡng', 'thu hút', 'sửa đổi', 'tăng cường', 'hoàn thiện',
];
const LIST_END = new RegExp(`(?<![\\p{L}])(?:${LIST_END_VERBS.join('|')})(?![\\p{L}])`, 'u');

/** Whether a text holds a verb that ends an agency list ("... triển khai nền tảng"): it states work, not only who does it. */
export function hasListEndVerb(text: string): boolean {
  return LIST_END.test(text);
}

/** Cooperating agencies from an inline "phối hợp (với) X <verb> ..." phrase, or [] when there is none. */
export function inlineCooperating(text: string): string[] {
  const m = /(?<![\p{L}])phối hợp(?:\s+với)?\s+/u.exec(text);
  if (!m) return [];
  const after = text.slice(m.index + m[0].length);
  const end = LIST_END.exec(after);
  const list = end ? after.slice(0, end.index) : after.split(/[.:]/u)[0] ?? '';
  if (list.trim() === '') return [];
  return splitAgencies(list);
}

/** Key for comparing agency names: lower case, "Ủy ban nhân dân" = "UBND", no leading "các". */
export function agencyKey(name: string): string {
  return squash(
    name
      .normalize('NFC')
      .toLowerCase()
      .replace(/uỷ/gu, 'ủy')
      .replace(/ủy ban nhân dân/gu, 'ubnd')
      .replace(/[.,;:()"“”]/gu, ' ')
      .replace(/\s+-\s+/gu, ' ')
      .replace(/^các\s+/u, ''),
  );
}
