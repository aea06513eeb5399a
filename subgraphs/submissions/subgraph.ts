import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { appendFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { indexUnits, type AccessScope, type UnitIndex } from '../../lib/access/index.ts';
import { createLogger, type Logger } from '../../lib/logging/index.ts';
import { startSubgraphServer, type Subgraph } from '../../lib/subgraph/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL } from '../../lib/units/index.ts';
import type { SubmissionsConfig } from './config.ts';
import { createContext, type SubmissionsContext } from './context.ts';
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
  const queryLog = config.queryLog;
  const onQuery = deps.onQuery ?? (queryLog === null ? undefined : (q: string) => appendFileSync(queryLog, `${q.replace(/\s+/g, ' ')}\n`));
  let opened: Promise<StoreDatabase> | undefined;
  const ready = (): Promise<StoreDatabase> => {
    opened ??= (async () => {
      const store =
        deps.store ??
        createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize, logger, ...(onQuery === undefined ? {} : { onQuery }) });
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
      const service = createService({ db: store.db, catalogue, jumpThreshold: config.jumpThreshold, systemTolerance: config.systemTolerance, checkTokenTtlS: config.checkTokenTtlS, maxEvidenceBytes: config.maxEvidenceBytes, now });
      // The server verifies the gateway's signed token and hands over the caller's scope (`access`).
      const context = (_req: IncomingMessage, access: AccessScope): Promise<SubmissionsContext> =>
        Promise.resolve(createContext({ access, units, service, loaders: createLoaders(store.db), catalogue, logger }));
      return startSubgraphServer({ name: 'submissions', schema, logger, context }, listen);
    },
    close: async () => {
      if (opened !== undefined && deps.store === undefined) await (await opened).close();
    },
  };
}
