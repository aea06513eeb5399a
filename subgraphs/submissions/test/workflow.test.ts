import { describe, expect, it } from 'vitest';
import { ENTRY_STATUSES, type EntryStatus } from '../domain/types.ts';
import { rateOf } from '../domain/value.ts';
import { transition, type Command } from '../domain/workflow.ts';

const enterer = { subject: 'a', name: null };
const other = { subject: 'b', name: null };
const COMMANDS: Command[] = [{ kind: 'EDIT' }, { kind: 'SUBMIT' }, { kind: 'APPROVE', overridesSystem: false }, { kind: 'RETURN', reason: 'thiếu' }];

// Every (status, command, actor) pair, no database: the expected next status, or the refusal code.
const EXPECTED: Record<EntryStatus, Record<Command['kind'], { self: string; other: string }>> = {
  DRAFT: { EDIT: { self: 'DRAFT', other: 'DRAFT' }, SUBMIT: { self: 'SUBMITTED', other: 'SUBMITTED' }, APPROVE: { self: 'INVALID_TRANSITION', other: 'INVALID_TRANSITION' }, RETURN: { self: 'INVALID_TRANSITION', other: 'INVALID_TRANSITION' } },
  SUBMITTED: { EDIT: { self: 'INVALID_TRANSITION', other: 'INVALID_TRANSITION' }, SUBMIT: { self: 'INVALID_TRANSITION', other: 'INVALID_TRANSITION' }, APPROVE: { self: 'OWN_ENTRY', other: 'APPROVED' }, RETURN: { self: 'RETURNED', other: 'RETURNED' } },
  APPROVED: { EDIT: { self: 'DRAFT', other: 'DRAFT' }, SUBMIT: { self: 'INVALID_TRANSITION', other: 'INVALID_TRANSITION' }, APPROVE: { self: 'INVALID_TRANSITION', other: 'INVALID_TRANSITION' }, RETURN: { self: 'INVALID_TRANSITION', other: 'INVALID_TRANSITION' } },
  RETURNED: { EDIT: { self: 'DRAFT', other: 'DRAFT' }, SUBMIT: { self: 'INVALID_TRANSITION', other: 'INVALID_TRANSITION' }, APPROVE: { self: 'INVALID_TRANSITION', other: 'INVALID_TRANSITION' }, RETURN: { self: 'INVALID_TRANSITION', other: 'INVALID_TRANSITION' } },
};

describe('workflow.transition', () => {
  for (const status of ENTRY_STATUSES) {
    for (const command of COMMANDS) {
      for (const [who, actor] of [['self', enterer], ['other', other]] as const) {
        it(`${status} × ${command.kind} by ${who === 'self' ? 'the enterer' : 'another person'} → ${EXPECTED[status][command.kind][who]}`, () => {
          const t = transition({ status, enteredBy: 'a' }, command, actor);
          expect(t.ok ? t.status : t.code).toBe(EXPECTED[status][command.kind][who]);
        });
      }
    }
  }
  it('creating is an EDIT of nothing; nothing else acts on a missing entry', () => {
    expect(transition(null, { kind: 'EDIT' }, enterer)).toMatchObject({ ok: true, status: 'DRAFT', action: 'CREATE' });
    expect(transition(null, { kind: 'SUBMIT' }, enterer)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
  it('returning without a reason is refused', () => {
    expect(transition({ status: 'SUBMITTED', enteredBy: 'a' }, { kind: 'RETURN', reason: '  ' }, other)).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
  });
});

describe('rateOf', () => {
  it('derives the rate from a fraction and refuses what is off the scale', () => {
    expect(rateOf({ numerator: 3, denominator: 4 })).toEqual({ ok: true, value: 0.75, numerator: 3, denominator: 4 });
    expect(rateOf({ value: 1.7 })).toMatchObject({ ok: false, errors: [{ field: 'value', code: 'OUT_OF_RANGE' }] });
    expect(rateOf({ numerator: 5, denominator: 4 })).toMatchObject({ ok: false, errors: [{ code: 'NUMERATOR_ABOVE_DENOMINATOR' }] });
    expect(rateOf({ numerator: 1, denominator: 0 })).toMatchObject({ ok: false });
    expect(rateOf({ numerator: 1 })).toMatchObject({ ok: false, errors: [{ code: 'INCOMPLETE_FRACTION' }] });
    expect(rateOf({ value: 0.5, numerator: 1, denominator: 4 })).toMatchObject({ ok: false, errors: [{ code: 'VALUE_DISAGREES_WITH_FRACTION' }] });
    expect(rateOf({})).toMatchObject({ ok: false, errors: [{ code: 'REQUIRED' }] });
  });
});
