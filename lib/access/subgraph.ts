import { defaultFieldResolver, GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { parseEnv } from '../config/index.ts';
import { AccessDeniedError } from '../errors/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL } from '../units/index.ts';
import type { Action } from './actions.ts';
import type { Identity } from './identity.ts';
import { decide, indexUnits, scopeOf, type AccessScope, type UnitIndex } from './policy.ts';
import { createUpstreamTokenVerifier, GATEWAY_PUBLIC_KEY_VAR, replayGuardFromEnv, UpstreamTokenError } from './upstream-token.ts';

let sharedIndex: UnitIndex | undefined;
/** The unit catalogue access decisions expand codes with (reference data, loaded once per process). */
export function accessUnitIndex(): UnitIndex {
  sharedIndex ??= indexUnits([...loadUnitCatalogue(REFERENCE_UNITS_URL), ...loadUnitCatalogue(SEED_DISTRICTS_URL)]);
  return sharedIndex;
}

/** What the gateway's token grants one request: the caller's scope and the deadline budget (ms; null: the subgraph's default). */
export interface Admission {
  readonly access: AccessScope;
  readonly budgetMs: number | null;
}

/** Turns one HTTP request into its {@link Admission}, or refuses it (401) before anything is parsed. */
export type SubgraphGuard = (req: IncomingMessage) => Promise<Admission>;

/**
 * Benchmark-only: `DTI_SUBGRAPH_VERIFY_SIGNATURES=0` starts a subgraph that verifies no gateway
 * token, so the cost of authentication can be measured against its absence and peer gateways
 * that cannot sign (bench:gateways) can reach it. Refused when `DTI_PROFILE=production`.
 */
export const SUBGRAPH_VERIFY_VAR = 'DTI_SUBGRAPH_VERIFY_SIGNATURES';

/** The caller every request is taken for when verification is off: every unit, every role, nobody verified. */
const UNVERIFIED_CALLER: Identity = { subject: 'unverified-caller', name: null, roles: new Set(['ADMIN']), units: [] };

/** How a subgraph admits requests, parsed once from its environment at start-up. */
export interface SubgraphAdmissionConfig {
  /** False only with the benchmark switch `DTI_SUBGRAPH_VERIFY_SIGNATURES=0` (refused in production). */
  readonly verifySignatures: boolean;
  /** The gateway's public JWK (JSON), `GATEWAY_UPSTREAM_PUBLIC_KEY`; required when verifying. */
  readonly gatewayPublicKey: string | undefined;
  /** Where token ids are remembered across replicas (`REDIS_URL`); this process only when absent. */
  readonly redisUrl: string | undefined;
}

const admissionEnvSchema = z
  .object({
    [SUBGRAPH_VERIFY_VAR]: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('1'),
    DTI_PROFILE: z.enum(['development', 'production']).default('development'),
    [GATEWAY_PUBLIC_KEY_VAR]: z.string().min(1).optional(),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  })
  .superRefine((e, ctx) => {
    if (e[SUBGRAPH_VERIFY_VAR] === '0' && e.DTI_PROFILE === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: [SUBGRAPH_VERIFY_VAR],
        message: 'is a benchmark switch and is refused when DTI_PROFILE=production: a subgraph must accept only the gateway',
      });
    }
  });

/** Reads how a subgraph admits requests; a ConfigError naming the variable when one is bad (or the switch is off in production). */
export function admissionConfigFromEnv(env: Readonly<Record<string, string | undefined>>): SubgraphAdmissionConfig {
  const e = parseEnv(admissionEnvSchema, env);
  return { verifySignatures: e[SUBGRAPH_VERIFY_VAR] === '1', gatewayPublicKey: e[GATEWAY_PUBLIC_KEY_VAR], redisUrl: e.REDIS_URL };
}

/** Reads the verification switch; throws when it is off in production. */
export function subgraphVerification(env: Readonly<Record<string, string | undefined>>): boolean {
  return admissionConfigFromEnv(env).verifySignatures;
}

/**
 * `requireGateway`: a subgraph answers only requests carrying a token the gateway minted for it
 * (A34). Anything else — no token, another subgraph's, an expired or replayed one — is a 401,
 * `_service` and `_entities` included. The gateway's public key comes from the configuration; the
 * token also carries the request's deadline budget.
 */
export async function requireGateway(
  subgraph: string,
  config: SubgraphAdmissionConfig,
  options: { readonly index?: UnitIndex; readonly today?: () => string; readonly warn?: (message: string) => void } = {},
): Promise<SubgraphGuard> {
  const index = options.index ?? accessUnitIndex();
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  if (!config.verifySignatures) {
    const warn = options.warn ?? ((m: string) => process.stderr.write(`${m}\n`));
    warn(`WARNING ${subgraph}: ${SUBGRAPH_VERIFY_VAR}=0 — gateway tokens are NOT verified; every caller reads and writes every unit. Benchmarks only.`);
    return async () => ({ access: issue(scopeOf(UNVERIFIED_CALLER, index, today())), budgetMs: null });
  }
  const key = config.gatewayPublicKey;
  if (key === undefined) {
    throw new Error(`${GATEWAY_PUBLIC_KEY_VAR} is not set: a subgraph accepts only requests signed by the gateway (npm start hands the key out)`);
  }
  // Token ids are remembered in Redis when REDIS_URL is set (replicas share them), else in this process.
  const verify = await createUpstreamTokenVerifier(key, subgraph, Date.now, await replayGuardFromEnv({ REDIS_URL: config.redisUrl }, subgraph));
  return async (req) => {
    try {
      const { identity, budgetMs } = await verify(req.headers.authorization);
      return { access: issue(scopeOf(identity, index, today())), budgetMs };
    } catch (e: unknown) {
      const message = e instanceof UpstreamTokenError ? e.message : 'this service answers only the gateway';
      throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
  };
}

/** How a subgraph finds the unit a ruled field is about: from its arguments, its parent, or the context. */
export interface AccessRule<C = unknown> {
  readonly action: Action;
  /** The unit id (`code@validFrom`) the field is about; null when it cannot be told (refused). */
  readonly unit: (args: Record<string, unknown>, parent: unknown, ctx: C) => string | null | Promise<string | null>;
}

/** `Type.field` → rule: the only place a subgraph names actions (A35). */
export type AccessRules<C = unknown> = Readonly<Record<`${string}.${string}`, AccessRule<C>>>;

// Scopes made here from a verified token (or for in-process execution); nothing else is trusted.
const issued = new WeakSet<AccessScope>();
const issue = (scope: AccessScope): AccessScope => {
  issued.add(scope);
  return scope;
};
const isIssued = (v: unknown): v is AccessScope => v !== null && typeof v === 'object' && issued.has(v as AccessScope);

/**
 * A scope for in-process execution without HTTP (unit tests running `executeOperation`, scripts
 * that build a schema): the caller vouches for the identity, as the gateway does over HTTP.
 */
export function localScope(identity: Identity | null, index: UnitIndex = accessUnitIndex(), today: string = new Date().toISOString().slice(0, 10)): AccessScope {
  return issue(scopeOf(identity, index, today));
}

/** The caller's scope as the server put it in the context (`ctx.access`); fails closed when it is missing. */
export function accessOf(ctx: unknown): AccessScope {
  const access: unknown = ctx !== null && typeof ctx === 'object' && 'access' in ctx ? ctx.access : undefined;
  if (!isIssued(access)) throw new AccessDeniedError('UNAUTHENTICATED', 'no verified caller for this request');
  return access;
}

/** Reads `parent[key]` as a string (unit ids on entity representations and parents). */
export function stringField(parent: unknown, key: string): string | null {
  if (parent === null || typeof parent !== 'object' || !Object.hasOwn(parent, key)) return null;
  const v: unknown = (parent as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : null;
}

/**
 * Wraps the ruled fields' resolvers once, when the schema is built: before the resolver runs, the
 * rule names the unit and `decide` answers; a refusal is that field's error (null in a list item,
 * a `FORBIDDEN` error per unit withheld, never a silent gap). Resolvers never call `decide`.
 * Throws at start-up when a rule names a field the schema does not have.
 */
export function withAccess<C>(schema: GraphQLSchema, rules: AccessRules<C>, index: UnitIndex = accessUnitIndex()): GraphQLSchema {
  for (const [key, rule] of Object.entries(rules)) {
    const [typeName, fieldName] = key.split('.');
    const type = typeName === undefined ? undefined : schema.getType(typeName);
    // No instanceof checks: @apollo/subgraph may hold another copy of graphql (CJS beside ESM).
    const field = type !== undefined && type !== null && 'isTypeOf' in type && fieldName !== undefined ? type.getFields()[fieldName] : undefined;
    if (field === undefined) throw new Error(`access rule ${key} names no field of the schema`);
    const resolve: GraphQLFieldResolver<unknown, C> = field.resolve ?? defaultFieldResolver;
    field.resolve = async (parent, args: Record<string, unknown>, ctx: C, info) => {
      const scope = accessOf(ctx);
      const unitId = await rule.unit(args, parent, ctx);
      const decision = decide(scope, rule.action, unitId, index);
      if (!decision.allow) throw new AccessDeniedError(decision.code, `${key} needs ${decision.missing}`);
      return resolve(parent, args, ctx, info);
    };
  }
  return schema;
}
