import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import type { DocumentNode } from 'graphql';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../lib/logging/index.ts';
import { sharedTypeDefs } from '../../../lib/subgraph/index.ts';
import { typeDefs as documentsTypeDefs } from '../../documents/schema.ts';
import { typeDefs as labourTypeDefs } from '../../labour/schema.ts';
import { typeDefs as plansTypeDefs } from '../../plans/schema.ts';
import { typeDefs as servicesTypeDefs } from '../../services/schema.ts';
import { typeDefs as submissionsTypeDefs } from '../../submissions/schema.ts';
import { createSubgraph, loadConfig } from '../index.ts';

// The other subgraphs' own SDL (not stubs): a renamed or retyped field they own breaks this test.
function sdlOf(typeDefs: DocumentNode): string {
  return printSubgraphSchema(buildSubgraphSchema([{ typeDefs: sharedTypeDefs }, { typeDefs }]));
}

const dtiSdl = printSubgraphSchema(createSubgraph(loadConfig({}), { logger: silentLogger }).schema);

describe('dti subgraph composition', () => {
  it('composes with plans, documents, services, labour and submissions', () => {
    const services = [
      { name: 'plans', typeDefs: parse(sdlOf(plansTypeDefs)), url: 'http://plans.invalid/graphql' },
      { name: 'documents', typeDefs: parse(sdlOf(documentsTypeDefs)), url: 'http://documents.invalid/graphql' },
      { name: 'services', typeDefs: parse(sdlOf(servicesTypeDefs)), url: 'http://services.invalid/graphql' },
      { name: 'labour', typeDefs: parse(sdlOf(labourTypeDefs)), url: 'http://labour.invalid/graphql' },
      { name: 'submissions', typeDefs: parse(printSubgraphSchema(buildSubgraphSchema([{ typeDefs: submissionsTypeDefs }]))), url: 'http://submissions.invalid/graphql' },
      { name: 'dti', typeDefs: parse(dtiSdl), url: 'http://dti.invalid/graphql' },
    ];
    const result = composeServices(services);
    expect(compositionHasErrors(result) ? result.errors.map((e) => e.message) : []).toEqual([]);
    const supergraph = compositionHasErrors(result) ? '' : result.supergraphSdl;
    expect(supergraph).toContain('dti: DtiAssessment');
    expect(supergraph).toContain('publicServiceIndex766: PublicServiceIndex766');
  });

  it('keeps the public field names clients rely on', () => {
    expect(dtiSdl).toContain('dti: DtiAssessment @requires(fields:');
    for (const field of ['methodology: String!', 'score: Float', 'maxScore: Float!', 'completeness: Float', 'mainIndicators: [DtiMainIndicatorValue!]!', 'inputs: [DtiInput!]!', 'published: DtiPublishedResult']) {
      expect(dtiSdl).toContain(field);
    }
    expect(dtiSdl).toContain('dtiScore(methodology: String!, mainIndicatorValues: [MainIndicatorValueInput!]!, provisionalPoints: [ProvisionalPointsInput!]): DtiScore');
  });
});
