import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lib/config/index.ts';
import { loadConfig } from '../config.ts';

describe('loadConfig', () => {
  it('applies the defaults', () => {
    expect(loadConfig({})).toEqual({ port: 4005, host: '127.0.0.1', logLevel: 'info', catalogueDir: expect.stringMatching(/data\/catalogue-versions$/), firstDataYear: 2020, unitWalkBudget: 5000 });
    expect(loadConfig({ FIRST_DATA_YEAR: '2021', UNIT_WALK_BUDGET: '500' })).toMatchObject({ firstDataYear: 2021, unitWalkBudget: 500 });
    expect(loadConfig({ DTI_CATALOGUE_DIR: '/var/lib/dti/catalogues' }).catalogueDir).toBe('/var/lib/dti/catalogues');
  });

  it('names the bad variable, its value and the rule', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
  });
});
