import { bilingual, type Bilingual } from '../../../lib/util/bilingual.ts';

/**
 * What plan import and its preview tell an official, Vietnamese first with English alongside. The
 * refusal codes (BAD_USER_INPUT, with the argument) do not change; only the words do.
 */

/** Why importPlan would refuse a document, as previewPlan lists it (PlanImportError): what, about which argument, in both languages. */
export type PlanProblemCode =
  | 'TOO_LONG'
  | 'LONE_SURROGATE'
  | 'CONTROL_CHARACTER'
  | 'EMPTY_DOCUMENT'
  | 'NO_SYMBOL'
  | 'NO_TARGETS_OR_TASKS'
  | 'NO_ISSUER'
  | 'NO_ISSUE_DATE'
  | 'NO_UNIT_ON_DATE'
  | 'ISSUER_NOT_UNIT'
  | 'NOT_A_PLAN';
export interface PlanProblem extends Bilingual {
  readonly code: PlanProblemCode;
  /** The argument of importPlan / previewPlan at fault. */
  readonly field: 'text' | 'title' | 'unitCode';
}
const problem = (code: PlanProblemCode, field: PlanProblem['field'], words: Bilingual): PlanProblem => ({ code, field, ...words });
const freeTextField = (field: string): PlanProblem['field'] => (field === 'title' ? 'title' : 'text');

/** The two free-text fields of importPlan / previewPlan, as the upload screen names them. */
const FIELD_VI: Readonly<Record<string, string>> = { text: 'Nội dung văn bản', title: 'Tiêu đề' };
const fieldVi = (field: string): string => FIELD_VI[field] ?? field;

export const importMessages = {
  tooLong: (field: string, length: number, max: number, variable: string): PlanProblem =>
    problem(
      'TOO_LONG',
      freeTextField(field),
      bilingual(`${fieldVi(field)} dài ${length} ký tự; giới hạn là ${max} (${variable})`, `${field} is ${length} characters long; the limit is ${max} (${variable})`),
    ),
  loneSurrogate: (field: string, at: number): PlanProblem =>
    problem(
      'LONE_SURROGATE',
      freeTextField(field),
      bilingual(`${fieldVi(field)} có một ký tự không hợp lệ (nửa cặp UTF-16) ở vị trí ${at}`, `${field} contains a lone surrogate (invalid UTF-16) at character ${at}`),
    ),
  controlCharacter: (field: string, char: string, at: number): PlanProblem =>
    problem(
      'CONTROL_CHARACTER',
      freeTextField(field),
      bilingual(
        `${fieldVi(field)} có ký tự điều khiển ${char} ở vị trí ${at}; chỉ được dùng dấu tab và xuống dòng`,
        `${field} contains the control character ${char} at character ${at}; only tab and newline are allowed`,
      ),
    ),
  issuerNotUnit: (issuer: string, unitName: string, unitCode: string, merged: boolean): PlanProblem =>
    problem(
      'ISSUER_NOT_UNIT',
      'unitCode',
      bilingual(
        `cơ quan ban hành văn bản "${issuer}" không phải ${unitName} (mã ${unitCode})${merged ? ' hay một đơn vị đã hợp nhất vào đó' : ''}: hãy nhập văn bản cho đúng đơn vị của nó`,
        `the document's issuer "${issuer}" is not ${unitName} (code ${unitCode})${merged ? ' or a unit merged into it' : ''}: file it under its own unit`,
      ),
    ),
  noSymbol: (): PlanProblem => problem('NO_SYMBOL', 'text', bilingual('không tìm thấy số, ký hiệu văn bản', 'no document symbol found')),
  noIssuer: (): PlanProblem => problem('NO_ISSUER', 'text', bilingual('không tìm thấy cơ quan ban hành', 'no issuer found')),
  noIssueDate: (): PlanProblem => problem('NO_ISSUE_DATE', 'text', bilingual('không tìm thấy ngày ban hành', 'no issue date found')),
  noUnitOnDate: (unitCode: string, date: string): PlanProblem =>
    problem(
      'NO_UNIT_ON_DATE',
      'unitCode',
      bilingual(`mã đơn vị "${unitCode}" không ứng với đơn vị hành chính nào có hiệu lực ngày ${date}`, `unit code "${unitCode}" names no unit in force on ${date}`),
    ),
  notAPlan: (reasons: readonly Bilingual[]): Bilingual =>
    bilingual(
      `không thể nhập văn bản thành kế hoạch: ${reasons.map((r) => r.message).join('; ')}`,
      `the document could not be imported as a plan: ${reasons.map((r) => r.messageEn).join('; ')}`,
    ),
  alreadyHeld: (symbol: string, issuedOn: string, unitCode: string, id: string): Bilingual =>
    bilingual(
      `kho kế hoạch đã có văn bản ${symbol} ngày ${issuedOn} của mã đơn vị ${unitCode} (${id}): lưu lại sẽ bị từ chối vì trùng`,
      `the registry already holds ${symbol} of ${issuedOn} for unit code ${unitCode} (${id}): saving it again will be refused as a duplicate`,
    ),
  registryUnasked: (): Bilingual =>
    bilingual('không hỏi được kho kế hoạch xem văn bản này đã có chưa', 'the plan registry could not be asked whether it holds this plan already'),
  registryRefused: (reason: string): Bilingual => bilingual(`kho kế hoạch từ chối lưu kế hoạch: ${reason}`, `the plan registry refused the plan: ${reason}`),
};

/** The parser's findings (lib/plan-parser says them in English), each with its Vietnamese. */
const PARSER: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^empty document$/, () => 'văn bản trống'],
  [/^no document symbol found$/, () => 'không tìm thấy số, ký hiệu văn bản'],
  [/^no targets or tasks found$/, () => 'không tìm thấy chỉ tiêu hay nhiệm vụ nào'],
  [/^no issuer found$/, () => 'không tìm thấy cơ quan ban hành'],
  [/^no issue date found$/, () => 'không tìm thấy ngày ban hành'],
  [/^no objectives section found; targets are only read from objectives sections$/, () => 'không tìm thấy phần mục tiêu; chỉ tiêu chỉ được đọc từ phần mục tiêu'],
  [/^budget total is stated as approximate \("(.*)"\); kept as the total$/s, (m) => `tổng kinh phí chỉ được nêu gần đúng ("${m[1] ?? ''}"); vẫn ghi nhận là tổng`],
  [/^budget total is stated only as a bound \("(.*)"\); no total recorded$/s, (m) => `tổng kinh phí chỉ được nêu là mức giới hạn ("${m[1] ?? ''}"); không ghi nhận tổng`],
  [/^budget lines sum to (\d+) đồng but the stated total is (\d+) đồng$/, (m) => `các dòng kinh phí cộng lại ${m[1] ?? ''} đồng nhưng tổng được nêu là ${m[2] ?? ''} đồng`],
];

/** A parser error or warning in both languages; one the table does not know keeps its English behind a Vietnamese lead-in. */
export function parserMessage(en: string): Bilingual {
  for (const [pattern, vi] of PARSER) {
    const m = pattern.exec(en);
    if (m !== null) return bilingual(vi(m), en);
  }
  return bilingual(`bộ đọc văn bản ghi nhận: ${en}`, en);
}

/** The parser's errors (lib/plan-parser), each with its code; one the table does not know is NOT_A_PLAN. */
const PARSER_ERROR_CODE: Readonly<Record<string, PlanProblemCode>> = {
  'empty document': 'EMPTY_DOCUMENT',
  'no document symbol found': 'NO_SYMBOL',
  'no targets or tasks found': 'NO_TARGETS_OR_TASKS',
};

/** A parser error as a refusal of the document text, in both languages. */
export function parserProblem(en: string): PlanProblem {
  return problem(PARSER_ERROR_CODE[en] ?? 'NOT_A_PLAN', 'text', parserMessage(en));
}
