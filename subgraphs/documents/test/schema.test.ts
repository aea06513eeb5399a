import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lib/config/index.ts';
import { silentLogger } from '../../../lib/logging/index.ts';
import { loadConfig } from '../config.ts';
import { createSubgraph } from '../index.ts';

// A stand-in for the owners' side of the contract (dti owns UnitYear and AdministrativeUnit, plans TaskAgency), as one subgraph.
const plansStub = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
  type Query { unitYear(unitId: ID!, year: Int!): UnitYear }
  type RecordScope @shareable { unitId: ID! code: String! name: String! from: String! to: String! }
  type AdministrativeUnit @key(fields: "id") { id: ID! code: String! name: String! }
  type UnitYear @key(fields: "unitId year") { unitId: ID! year: Int! recordScopes: [RecordScope!]! unit: AdministrativeUnit! }
  type TaskAgency @key(fields: "name unitId onDate") { name: String! unitId: ID! onDate: String! }
`;

describe('documents subgraph schema', () => {
  const subgraph = createSubgraph(loadConfig({}), { logger: silentLogger });
  const sdl = printSubgraphSchema(subgraph.schema);
  afterAll(() => subgraph.close());

  it('keeps the UnitYear contract and the DTI input names', () => {
    expect(sdl).toContain('type UnitYear @key(fields: "unitId year")');
    expect(sdl).toContain('recordScopes: [RecordScope!]! @external');
    expect(sdl).toContain('documents: DocumentStats @requires(fields: "recordScopes { unitId code name from to }")');
    expect(sdl).toContain('type TaskAgency @key(fields: "name unitId onDate")');
    for (const field of ['signedDigitallyRate: Float', 'sentElectronicallyRate: Float', 'workRecordsOnlineRate: Float']) expect(sdl).toContain(field);
  });

  it('composes with the plans side of the contract', () => {
    const result = composeServices([
      { name: 'plans', typeDefs: parse(plansStub), url: 'http://plans.invalid/graphql' },
      { name: 'documents', typeDefs: parse(sdl), url: 'http://documents.invalid/graphql' },
    ]);
    expect(compositionHasErrors(result) ? result.errors.map((e) => e.message) : []).toEqual([]);
  });
});

describe('loadConfig', () => {
  it('applies the defaults', () => {
    expect(loadConfig({})).toEqual({ port: 4002, host: '127.0.0.1', upstreamUrl: 'http://127.0.0.1:4102', upstreamTimeoutMs: 5000, upstreamMaxBodyBytes: 33_554_432, logLevel: 'info' });
  });

  it('names the bad variable, its value and the rule', () => {
    expect(() => loadConfig({ UPSTREAM_TIMEOUT_MS: 'soon' })).toThrow(ConfigError);
    expect(() => loadConfig({ UPSTREAM_TIMEOUT_MS: 'soon' })).toThrow(/UPSTREAM_TIMEOUT_MS="soon"/);
  });
});
