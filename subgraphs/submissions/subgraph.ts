import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import type { IncomingMessage } from 'node:http';
import { indexUnits, scopeOf, type AccessScope, type UnitIndex } from '../../lib/access/index.ts';
import { createLogger, type Logger } from '../../lib/logging/index.ts';
import { startSubgraphServer, type Subgraph } from '../../lib/subgraph/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL } from '../../lib/units/index.ts';
import type { SubmissionsConfig } from './config.ts';
import { createContext, type AccessOf, type SubmissionsContext } from './context.ts';
import { loadIndicatorCatalogue, type IndicatorCatalogue } from './domain/catalogue.ts';
import { resolvers } from './resolvers/index.ts';
import { typeDefs } from './schema.ts';
import { createService } from './service.ts';
import { createDatabase, type StoreDatabase } from './store/db.ts';
import { createLoaders } from './store/loaders.ts';
import { migrateToLatest } from './store/migrate.ts';

export interface SubmissionsDeps {
  readonly logger?: Logger;
  /** An opened store (tests: one schema per test); by default opened from the configuration on start. */
  readonly store?: StoreDatabase;
  /** The caller's access scope per request. Default: anonymous until the gateway's verified identity is wired in. */
  readonly accessOf?: AccessOf;
  readonly units?: UnitIndex;
  readonly catalogue?: IndicatorCatalogue;
  readonly now?: () => Date;
  /** Sees every executed statement (query counting). */
  readonly onQuery?: (sql: string) => void;
}

/** Builds the submissions subgraph; the store is opened and migrated on start, not at build (compose only reads the schema). */
export function createSubgraph(config: SubmissionsConfig, deps: SubmissionsDeps = {}): Subgraph & { readonly ready: () => Promise<StoreDatabase> } {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, fields: { service: 'subgraph-submissions' } });
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers satisfies GraphQLResolverMap<SubmissionsContext> }]);
  const units = deps.units ?? indexUnits([...loadUnitCatalogue(REFERENCE_UNITS_URL), ...loadUnitCatalogue(SEED_DISTRICTS_URL)]);
  const catalogue = deps.catalogue ?? loadIndicatorCatalogue();
  const now = deps.now ?? (() => new Date());
  const anonymous: AccessOf = () => Promise.resolve<AccessScope>(scopeOf(null, units, now().toISOString().slice(0, 10)));
  const accessOf = deps.accessOf ?? anonymous;
  let opened: Promise<StoreDatabase> | undefined;
  const ready = (): Promise<StoreDatabase> => {
    opened ??= (async () => {
      const store =
        deps.store ??
        createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize, logger, ...(deps.onQuery === undefined ? {} : { onQuery: deps.onQuery }) });
      await migrateToLatest(store.db, store.engine, logger);
      return store;
    })();
    return opened;
  };
  return {
    name: 'submissions',
    schema,
    ready,
    start: async (listen) => {
      const store = await ready();
      const service = createService({ db: store.db, catalogue, jumpThreshold: config.jumpThreshold, maxEvidenceBytes: config.maxEvidenceBytes, now });
      const context = async (req: IncomingMessage): Promise<SubmissionsContext> =>
        createContext({ access: await accessOf(req), units, service, loaders: createLoaders(store.db), catalogue, logger });
      return startSubgraphServer({ name: 'submissions', schema, logger, context }, listen);
    },
    close: async () => {
      if (opened !== undefined && deps.store === undefined) await (await opened).close();
    },
  };
}
