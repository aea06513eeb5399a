import { readFileSync } from 'node:fs';
import { gql } from 'graphql-tag';

/** The labour subgraph's own SDL (the shared provenance types are added beside it). */
export const typeDefs = gql(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
