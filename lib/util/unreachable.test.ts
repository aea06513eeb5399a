import { describe, expect, it } from 'vitest';
import { UnreachableCaseError } from './unreachable.ts';

describe('UnreachableCaseError', () => {
  it('names the value that escaped the switch', () => {
    expect(new UnreachableCaseError('x' as never).message).toBe('Unreachable case: "x"');
  });
});
