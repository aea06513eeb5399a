/**
 * The SDL of each subgraph as `npm run compose` composes it: built with default configuration (no
 * connection is opened, only the schema is read). Also read by the conformance tests, which compose a
 * subgraph under test with the others.
 */
import { printSubgraphSchema } from '@apollo/subgraph';
import type { Subgraph } from '../lib/subgraph/index.ts';
import type { SubgraphName } from '../lib/topology/index.ts';
import * as documents from '../subgraphs/documents/index.ts';
import * as dti from '../subgraphs/dti/index.ts';
import * as labour from '../subgraphs/labour/index.ts';
import * as plans from '../subgraphs/plans/index.ts';
import * as services from '../subgraphs/services/index.ts';
import * as submissions from '../subgraphs/submissions/index.ts';

const builders: Record<SubgraphName, () => Subgraph> = {
  plans: () => plans.createSubgraph(plans.loadConfig({})),
  documents: () => documents.createSubgraph(documents.loadConfig({})),
  services: () => services.createSubgraph(services.loadConfig({})),
  labour: () => labour.createSubgraph(labour.loadConfig({})),
  dti: () => dti.createSubgraph(dti.loadConfig({})),
  submissions: () => submissions.createSubgraph(submissions.loadConfig({})),
};

/** One subgraph's SDL. */
export async function sdlOf(name: SubgraphName): Promise<string> {
  const subgraph = builders[name]();
  try {
    return printSubgraphSchema(subgraph.schema);
  } finally {
    await subgraph.close();
  }
}
