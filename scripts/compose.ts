/**
 * Composes the supergraph from every subgraph's schema and writes schema/supergraph.graphql.
 * `--check` composes and fails when the committed file is stale or composition fails (CI).
 *
 * Both modes also compose the same SDLs with a second, independent implementation
 * (`@wundergraph/composition`, WunderGraph Cosmo's): the subgraphs must not lean on one vendor's
 * reading of Federation. Its output is not written; a refusal fails the command.
 */
import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@theguild/federation-composition';
import { federateSubgraphs, LATEST_ROUTER_COMPATIBILITY_VERSION } from '@wundergraph/composition';
import { parse, print, type DocumentNode } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Subgraph } from '../lib/subgraph/index.ts';
import { REPO_ROOT_URL, SUBGRAPHS, type SubgraphName } from '../lib/topology/index.ts';
import * as documents from '../subgraphs/documents/index.ts';
import * as dti from '../subgraphs/dti/index.ts';
import * as labour from '../subgraphs/labour/index.ts';
import * as plans from '../subgraphs/plans/index.ts';
import * as services from '../subgraphs/services/index.ts';
import * as submissions from '../subgraphs/submissions/index.ts';

const SUPERGRAPH_URL = new URL('schema/supergraph.graphql', REPO_ROOT_URL);

// Built with default configuration: no connection is opened, only the schema is read.
const builders: Record<SubgraphName, () => Subgraph> = {
  plans: () => plans.createSubgraph(plans.loadConfig({})),
  documents: () => documents.createSubgraph(documents.loadConfig({})),
  services: () => services.createSubgraph(services.loadConfig({})),
  labour: () => labour.createSubgraph(labour.loadConfig({})),
  dti: () => dti.createSubgraph(dti.loadConfig({})),
  submissions: () => submissions.createSubgraph(submissions.loadConfig({})),
};

async function sdlOf(name: SubgraphName): Promise<string> {
  const subgraph = builders[name]();
  try {
    return printSubgraphSchema(subgraph.schema);
  } finally {
    await subgraph.close();
  }
}

const check = process.argv.includes('--check');
const services_ = await Promise.all(
  SUBGRAPHS.map(async (s) => ({ name: s.name, url: `http://127.0.0.1:${s.defaultPort}/`, typeDefs: parse(await sdlOf(s.name)) })),
);
const result = composeServices(services_);
if (result.errors !== undefined && result.errors.length > 0) {
  process.stderr.write(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}\n`);
  process.exit(1);
}
// The second opinion: the same SDLs through Cosmo's composition.
const cosmo = (subgraphs: readonly { name: string; url: string; typeDefs: DocumentNode }[]) =>
  federateSubgraphs({ subgraphs: subgraphs.map((s) => ({ name: s.name, url: s.url, definitions: s.typeDefs })), version: LATEST_ROUTER_COMPATIBILITY_VERSION });

/**
 * Refusals by Cosmo that we know of and have not fixed yet, each matched on its exact wording.
 * A known refusal is shown, and composition is re-run with the SDL rewritten as the refusal
 * asks, so that it cannot hide any other refusal; a known refusal that no longer happens fails
 * the command too (remove it from this list).
 */
interface KnownRefusal {
  readonly id: string;
  /** Why it is refused and what the fix is. */
  readonly why: string;
  /** Matches every error message this refusal produces. */
  readonly matches: (message: string) => boolean;
  readonly subgraph: SubgraphName;
  /** The SDL as Cosmo would accept it. */
  readonly rewrite: (sdl: string) => string;
}
const KNOWN_REFUSALS: readonly KnownRefusal[] = [
  {
    id: 'plans-requires-local-key-fields',
    why:
      'plans: TargetTrajectory/TargetsAtRisk @requires name UnitYear.unitId and UnitYear.year, which plans itself resolves; ' +
      'Apollo/Guild composition accept local fields in a @requires selection, Cosmo refuses them. Fix: drop `unitId year` ' +
      'from YEAR_FIGURES in subgraphs/plans/schema.ts and pair the representations with the stub\'s unit-years by position.',
    subgraph: 'plans',
    matches: (m) => /UnitYear\.(unitId|year)" nor any of its field set ancestors are declared "@external"/.test(m) || m.includes('The subgraph "plans" could not be federated'),
    rewrite: (sdl) => sdl.replaceAll('unitYears { unitId year documents', 'unitYears { documents'),
  },
];

const firstOpinion = cosmo(services_);
let cosmoSubgraphs = services_;
if (!firstOpinion.success) {
  const messages = firstOpinion.errors.flatMap((e) => e.message.split('\n').filter((line) => line.includes('"@external"') || line.includes('could not be federated')));
  const unknown = messages.filter((m) => !KNOWN_REFUSALS.some((k) => k.matches(m)));
  if (unknown.length > 0 || messages.length === 0) {
    process.stderr.write(`Composition refused by @wundergraph/composition:\n${firstOpinion.errors.map((e) => `  - ${e.message}`).join('\n')}\n`);
    process.exit(1);
  }
  const seen = KNOWN_REFUSALS.filter((k) => messages.some((m) => k.matches(m)));
  for (const k of seen) process.stderr.write(`@wundergraph/composition: known refusal ${k.id} (not fixed yet): ${k.why}\n`);
  cosmoSubgraphs = services_.map((s) => {
    const rewrites = seen.filter((k) => k.subgraph === s.name);
    return rewrites.length === 0 ? s : { ...s, typeDefs: parse(rewrites.reduce((sdl, k) => k.rewrite(sdl), print(s.typeDefs))) };
  });
} else if (KNOWN_REFUSALS.length > 0) {
  process.stderr.write(`@wundergraph/composition now accepts the subgraphs: remove ${KNOWN_REFUSALS.map((k) => k.id).join(', ')} from KNOWN_REFUSALS in scripts/compose.ts.\n`);
  process.exit(1);
}
const second = cosmoSubgraphs === services_ ? firstOpinion : cosmo(cosmoSubgraphs);
if (!second.success) {
  process.stderr.write(`Composition refused by @wundergraph/composition:\n${second.errors.map((e) => `  - ${e.message}`).join('\n')}\n`);
  process.exit(1);
}
for (const w of second.warnings) process.stderr.write(`@wundergraph/composition warning: ${w.message}\n`);

const header = '# Generated by `npm run compose` from the subgraphs under subgraphs/. Do not edit by hand.\n';
const supergraph = `${header}${result.supergraphSdl}\n`;
if (check) {
  let committed = '';
  try {
    committed = readFileSync(SUPERGRAPH_URL, 'utf8');
  } catch {
    committed = '';
  }
  if (committed !== supergraph) {
    process.stderr.write('schema/supergraph.graphql is stale: run `npm run compose` and commit the result.\n');
    process.exit(1);
  }
  process.stdout.write(`supergraph is current (${services_.length} subgraphs compose with @theguild/federation-composition and @wundergraph/composition)\n`);
} else {
  writeFileSync(SUPERGRAPH_URL, supergraph);
  process.stdout.write(`wrote schema/supergraph.graphql (${services_.length} subgraphs: ${services_.map((s) => s.name).join(', ')})\n`);
}
