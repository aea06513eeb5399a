import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseEnv, portSchema } from './index.ts';

describe('parseEnv', () => {
  const schema = z.object({ PORT: portSchema.default(4000) });

  it('applies defaults and coerces', () => {
    expect(parseEnv(schema, {})).toEqual({ PORT: 4000 });
    expect(parseEnv(schema, { PORT: '4100' })).toEqual({ PORT: 4100 });
  });

  it('names the variable, the value and the rule', () => {
    expect(() => parseEnv(schema, { PORT: 'forty' })).toThrow(ConfigError);
    expect(() => parseEnv(schema, { PORT: '70000' })).toThrow(/PORT="70000"/);
  });
});
