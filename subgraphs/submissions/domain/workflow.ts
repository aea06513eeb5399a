import { UnreachableCaseError } from '../../../lib/util/unreachable.ts';
import { bilingual, STATUS_VI } from './messages.ts';
import type { AuditAction, EntryStatus, Person } from './types.ts';

/** What someone asks to do to an entry. */
export type Command =
  | { readonly kind: 'EDIT' }
  | { readonly kind: 'SUBMIT' }
  | { readonly kind: 'APPROVE'; readonly overridesSystem: boolean }
  | { readonly kind: 'RETURN'; readonly reason: string | null };

/** The state a command acts on: null for an entry that does not exist yet. */
export interface EntryState {
  readonly status: EntryStatus;
  readonly enteredBy: string;
}

export type WorkflowErrorCode = 'INVALID_TRANSITION' | 'OWN_ENTRY' | 'REASON_REQUIRED';

export type Transition =
  | {
      readonly ok: true;
      readonly status: EntryStatus;
      readonly action: AuditAction;
      /** Who the entry is approved by afterwards: the actor on approval, nobody after an edit or return, unchanged on submit. */
      readonly approvedBy: Person | null | 'unchanged';
      /** Whether the actor becomes the entry's enterer (they typed the value). */
      readonly actorEnters: boolean;
    }
  | { readonly ok: false; readonly code: WorkflowErrorCode; readonly message: string; readonly messageEn: string };

const refuse = (code: WorkflowErrorCode, vi: string, en: string): Transition => ({ ok: false, code, ...bilingual(vi, en) });

/**
 * DRAFT → SUBMITTED → APPROVED | RETURNED (→ DRAFT), four eyes. Pure: the store applies the
 * result in one guarded statement. An edit of an approved entry reopens it as a draft (its
 * value leaves the score until approved again); an entry under review cannot be edited.
 */
export function transition(entry: EntryState | null, command: Command, actor: Person): Transition {
  switch (command.kind) {
    case 'EDIT':
      if (entry === null) return { ok: true, status: 'DRAFT', action: 'CREATE', approvedBy: null, actorEnters: true };
      if (entry.status === 'SUBMITTED') return refuse('INVALID_TRANSITION', 'Bản ghi đang được duyệt; người duyệt phải trả lại thì mới sửa được.', 'The entry is under review; a reviewer must return it before it can be edited.');
      return { ok: true, status: 'DRAFT', action: 'EDIT', approvedBy: null, actorEnters: true };
    case 'SUBMIT':
      if (entry === null) return refuse('INVALID_TRANSITION', 'Không có bản ghi này để gửi duyệt.', 'There is no such entry to submit.');
      if (entry.status !== 'DRAFT') return refuse('INVALID_TRANSITION', `Chỉ bản nháp mới gửi duyệt được; bản ghi này đang ở trạng thái ${STATUS_VI[entry.status]}.`, `Only a draft can be submitted; this entry is ${entry.status}.`);
      return { ok: true, status: 'SUBMITTED', action: 'SUBMIT', approvedBy: 'unchanged', actorEnters: false };
    case 'APPROVE':
      if (entry === null || entry.status !== 'SUBMITTED') return refuse('INVALID_TRANSITION', `Chỉ bản ghi đã gửi duyệt mới được phê duyệt${entry === null ? '' : `; bản ghi này đang ở trạng thái ${STATUS_VI[entry.status]}`}.`, `Only a submitted entry can be approved${entry === null ? '' : `; this entry is ${entry.status}`}.`);
      if (entry.enteredBy === actor.subject) return refuse('OWN_ENTRY', 'Không ai tự phê duyệt bản ghi của mình: cần người thứ hai duyệt.', 'Nobody approves their own entry: a second person must review it.');
      return { ok: true, status: 'APPROVED', action: 'APPROVE', approvedBy: actor, actorEnters: false };
    case 'RETURN':
      if (entry === null || entry.status !== 'SUBMITTED') return refuse('INVALID_TRANSITION', `Chỉ bản ghi đã gửi duyệt mới trả lại được${entry === null ? '' : `; bản ghi này đang ở trạng thái ${STATUS_VI[entry.status]}`}.`, `Only a submitted entry can be returned${entry === null ? '' : `; this entry is ${entry.status}`}.`);
      if (command.reason === null || command.reason.trim() === '') return refuse('REASON_REQUIRED', 'Trả lại bản ghi cần nêu lý do cho người nhập.', 'Returning an entry needs a reason for the editor.');
      return { ok: true, status: 'RETURNED', action: 'RETURN', approvedBy: null, actorEnters: false };
    default:
      throw new UnreachableCaseError(command);
  }
}
