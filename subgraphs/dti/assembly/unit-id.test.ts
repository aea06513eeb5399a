import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../lib/errors/index.ts';
import { unitId } from '../../../lib/units/index.ts';
import { parseUnitId } from './unit-id.ts';

describe('parseUnitId', () => {
  it('splits code and validity start', () => {
    expect(parseUnitId('56@2025-07-01')).toEqual({ code: '56', validFrom: '2025-07-01' });
    expect(parseUnitId('01@origin')).toEqual({ code: '01', validFrom: null });
  });

  it('inverts lib/units unitId', () => {
    for (const [code, from] of [['46', '2025-01-01'], ['89', null]] as const) expect(parseUnitId(unitId(code, from))).toEqual({ code, validFrom: from });
  });

  it.each(['56', '56@', '@origin', '56@2025-7-1', '56@yesterday'])('rejects %s', (id) => {
    expect(() => parseUnitId(id)).toThrow(BadUserInputError);
  });
});
