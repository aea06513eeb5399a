import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
// The Yoga JWT plugin is what Hive Gateway's `@graphql-mesh/plugin-jwt-auth` re-exports, minus the
// claim forwarding we replace with our own signed upstream token (X14).
import { createRemoteJwksSigningKeyProvider, useJWT } from '@graphql-yoga/plugin-jwt';
import type { ValidateUserFnParams } from '@envelop/generic-auth';
import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  type DefinitionNode,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { findUnit } from '../units/index.ts';
import { ACTION_RULES, type Action } from './actions.ts';
import { identityFromClaims, type ClaimPaths, type Identity } from './identity.ts';
import { decide, scopeOf, type AccessScope, type UnitIndex } from './policy.ts';
import type { UpstreamTokenMinter } from './upstream-token.ts';

/** How the gateway trusts the province's OpenID provider. */
export interface GatewayAccessOptions {
  /** Pinned issuer (`iss`); the discovery document must name the same. */
  readonly issuer: string;
  /** Our API's audience (`aud`). */
  readonly audience: string;
  /** JWKS endpoint, from the issuer's discovery document. */
  readonly jwksUri: string;
  /** Accepted signature algorithms: asymmetric only (never `none`, never HS*). */
  readonly algorithms: readonly ('RS256' | 'ES256')[];
  readonly claimPaths: ClaimPaths;
  readonly index: UnitIndex;
  readonly today: () => string;
  /** Subgraph base URL → name, to mint each subgraph request's token for its audience. */
  readonly subgraphByOrigin: ReadonlyMap<string, string>;
  readonly mint: UpstreamTokenMinter;
  /** What one subgraph fetch of a request may spend (ms), signed into its token; none: the subgraph's default. */
  readonly budgetOf?: (context: unknown) => number;
}

/** Why a bearer token was refused outside GraphQL (the admin and export routes); the message names no secret. */
export class AccessTokenError extends Error {
  override readonly name = 'AccessTokenError';
}

/** Verifies an `Authorization` header: null when there is none; throws {@link AccessTokenError} when it is not a valid token. */
export type BearerVerifier = (authorization: string | null | undefined) => Promise<Identity | null>;

/**
 * The routes beside GraphQL (`/admin/audit`, `/exports/dti`) verify tokens by the same rules as
 * `useJWT`: the issuer's JWKS, pinned issuer, audience and algorithms, 5 s clock tolerance.
 */
export function createBearerVerifier(options: Pick<GatewayAccessOptions, 'issuer' | 'audience' | 'jwksUri' | 'algorithms' | 'claimPaths'>): BearerVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUri), { cooldownDuration: 6000 });
  return async (authorization) => {
    if (authorization === null || authorization === undefined || authorization === '') return null;
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization);
    if (match?.[1] === undefined) throw new AccessTokenError('the Authorization header is not a bearer token');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: [...options.algorithms],
        clockTolerance: 5,
      }));
    } catch (e: unknown) {
      throw new AccessTokenError(`the token was refused: ${e instanceof Error ? e.message : 'invalid'}`);
    }
    try {
      return identityFromClaims(payload, options.claimPaths);
    } catch {
      throw new AccessTokenError('the access token does not carry a usable identity (subject, roles or units)');
    }
  };
}

/** The federation discovery fields the gateway uses. */
const discoverySchema = z.object({ issuer: z.string().url(), jwks_uri: z.string().url() });

/** Reads the provider's discovery document and checks it names the pinned issuer. */
export async function discoverJwksUri(discoveryUrl: string, issuer: string): Promise<string> {
  const res = await fetch(discoveryUrl, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`OpenID discovery at ${discoveryUrl} answered HTTP ${res.status}`);
  const doc = discoverySchema.parse(await res.json());
  if (doc.issuer !== issuer) throw new Error(`OpenID discovery names issuer ${doc.issuer}, configured issuer is ${issuer}`);
  return doc.jwks_uri;
}

const ACCESS_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
// Built once (zod compiles each object schema): these run on every request.
const jwtFieldSchema = z.object({ payload: z.unknown() });
const httpStatusSchema = z.object({ status: z.number() });

function accessError(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string, fieldNode?: FieldNode, path?: ReadonlyArray<string | number>): GraphQLError {
  return new GraphQLError(message, {
    ...(fieldNode === undefined ? {} : { nodes: [fieldNode] }),
    ...(path === undefined ? {} : { path: path.filter((p) => p !== '@') }),
    extensions: { code },
  });
}

/** Field arguments that name a unit, by how they name it. */
const UNIT_ID_ARGS = ['unitId', 'id'] as const;
const UNIT_CODE_ARGS = ['unitCode', 'code'] as const;

function argValue(node: FieldNode, name: string, variables: Readonly<Record<string, unknown>> | null | undefined): unknown {
  const arg = node.arguments?.find((a) => a.name.value === name);
  return arg === undefined ? undefined : valueFromASTUntyped(arg.value, variables ?? undefined);
}

/**
 * Every field node's chain from the operation root down to it (inclusive), through fragments: the
 * first path in document order, as a search for that one node would find it. Built in one walk per
 * document and kept while the document lives (the runtime's parse cache hands the same object to
 * every request with the same text), instead of a walk from the root per guarded field (issue #9).
 * A fragment is expanded once: every field below it has its first path by then.
 */
const chainsByDocument = new WeakMap<DocumentNode, ReadonlyMap<FieldNode, readonly FieldNode[]>>();
function fieldChains(document: DocumentNode): ReadonlyMap<FieldNode, readonly FieldNode[]> {
  const known = chainsByDocument.get(document);
  if (known !== undefined) return known;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const chains = new Map<FieldNode, readonly FieldNode[]>();
  const expanded = new Set<string>();
  const walk = (set: SelectionSetNode, chain: readonly FieldNode[], seen: ReadonlySet<string>): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const here = [...chain, sel];
        if (!chains.has(sel)) chains.set(sel, here);
        if (sel.selectionSet !== undefined) walk(sel.selectionSet, here, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, chain, seen);
      } else {
        const frag = fragments.get(sel.name.value);
        if (frag !== undefined && !seen.has(frag.name.value) && !expanded.has(frag.name.value)) {
          walk(frag.selectionSet, chain, new Set([...seen, frag.name.value]));
          expanded.add(frag.name.value);
        }
      }
    }
  };
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet, [], new Set());
  chainsByDocument.set(document, chains);
  return chains;
}

/**
 * The unit a field is about, when the document says it: an argument of the field itself or of the
 * nearest enclosing field (`unit(code: "56") { year(year: 2024) { … } }`), literal or variable.
 * `undefined` when only the data knows (a list of units): the subgraph decides per unit then.
 */
export function unitOfField(
  document: DocumentNode,
  fieldNode: FieldNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  index: UnitIndex,
  today: string,
): string | null | undefined {
  const chain = fieldChains(document).get(fieldNode) ?? [fieldNode];
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    if (node === undefined) continue;
    for (const name of UNIT_ID_ARGS) {
      const v = argValue(node, name, variables);
      if (typeof v === 'string') return index.byId.has(v) ? v : null;
    }
    for (const name of UNIT_CODE_ARGS) {
      const v = argValue(node, name, variables);
      if (typeof v !== 'string') continue;
      const asOf = argValue(node, 'asOf', variables);
      return findUnit(index.units, v, typeof asOf === 'string' ? asOf : today)?.id ?? null;
    }
  }
  return undefined;
}

/**
 * The fetch's headers with `authorization` set (any other spelling of it dropped). The runtime
 * hands a plain record: copied as one, without a `Headers` object per subgraph fetch (issue #9).
 */
export function withAuthorization(headers: HeadersInit | undefined, value: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) {
    // nothing to keep
  } else if (Array.isArray(headers) || headers instanceof Headers || !isPlainRecord(headers)) {
    new Headers(headers).forEach((v, k) => {
      out[k] = v;
    });
  } else {
    for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') out[k] = v;
  }
  for (const k of Object.keys(out)) if (k.toLowerCase() === 'authorization') delete out[k];
  out['authorization'] = value;
  return out;
}

function isPlainRecord(v: object): v is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const isAction = (p: string): p is Action => Object.hasOwn(ACTION_RULES, p);

/**
 * The gateway's half of access control (A31–A33): `useJWT` verifies the token against the
 * issuer's JWKS with issuer, audience and algorithms pinned; `genericAuth` enforces the SDL's
 * `@authenticated`, `@requiresScopes` (roles) and `@policy` (an action, unit-scoped) before any
 * subgraph is called; every subgraph request carries a token the gateway mints for that subgraph.
 */
export function gatewayAccess(options: GatewayAccessOptions) {
  const scopes = new WeakMap<Identity, AccessScope>();
  const scopeFor = (identity: Identity | null): AccessScope => {
    if (identity === null) return scopeOf(null, options.index, options.today());
    let s = scopes.get(identity);
    if (s === undefined) {
      s = scopeOf(identity, options.index, options.today());
      scopes.set(identity, s);
    }
    return s;
  };
  const remote = createRemoteJwksSigningKeyProvider({ jwksUri: options.jwksUri, cache: true, rateLimit: true, jwksRequestsPerMinute: 10 });
  // The JWKS client answers a PEM string, which jsonwebtoken would parse into a key on every
  // request: each PEM is parsed once here (issue #9). A key the issuer rotates out is no longer
  // answered by the client, so its parsed copy is never used again (and dropped past 16).
  const parsedKeys = new Map<string, KeyObject>();
  const keyObjectOf = (pem: string): KeyObject => {
    let key = parsedKeys.get(pem);
    if (key === undefined) {
      key = createPublicKey(pem);
      if (parsedKeys.size >= 16) parsedKeys.clear();
      parsedKeys.set(pem, key);
    }
    return key;
  };
  // A Yoga plugin is a gateway plugin; only the context generics differ (Yoga's narrower context).
  const jwt = useJWT({
    signingKeyProviders: [
      // A token naming a key the issuer never published is checked against the issuer's current
      // key, so it fails as a bad signature (401) instead of as "no key" (500).
      async (kid) => {
        let pem: string;
        try {
          pem = await remote(kid);
        } catch {
          pem = await remote(undefined);
        }
        // Typed as a string by the plugin; jsonwebtoken, which it hands the key to, takes a KeyObject as is.
        return keyObjectOf(pem) as unknown as string;
      },
    ],
    tokenVerification: { issuer: options.issuer, audience: options.audience, algorithms: [...options.algorithms], clockTolerance: 5 },
    // Public reference data needs no token; a token that is present must be valid.
    reject: { missingToken: false, invalidToken: true },
  }) as unknown as GatewayPlugin;

  // genericAuth types its user as a plain record: hand it a handle and keep the Identity here.
  const identities = new WeakMap<object, Identity | null>();
  const handles = new WeakMap<object, Identity>();
  const identityOf = (user: unknown): Identity | null => (user !== null && typeof user === 'object' ? handles.get(user) ?? null : null);
  const resolveIdentity = (context: Record<string, unknown>): Identity | null => {
    const cached = identities.get(context);
    if (cached !== undefined) return cached;
    const jwtField = jwtFieldSchema.safeParse(context['jwt']);
    let identity: Identity | null = null;
    if (jwtField.success && jwtField.data.payload !== undefined) {
      try {
        identity = identityFromClaims(jwtField.data.payload, options.claimPaths);
      } catch {
        throw accessError('UNAUTHENTICATED', 'the access token does not carry a usable identity (subject, roles or units)');
      }
    }
    identities.set(context, identity);
    return identity;
  };
  const resolveUserFn = (context: Record<string, unknown>): Record<string, unknown> | null => {
    const identity = resolveIdentity(context);
    if (identity === null) return null;
    const handle = { subject: identity.subject };
    handles.set(handle, identity);
    return handle;
  };

  const validateUser = (params: ValidateUserFnParams<Record<string, unknown>>): GraphQLError | undefined => {
    const user = identityOf(params.user);
    const { field, fieldNode, path, fieldAuthArgs, fieldScopes, fieldPolicies, typeAuthArgs, typeScopes, typePolicies } = params;
    const guarded = fieldAuthArgs !== undefined || typeAuthArgs !== undefined || (fieldScopes?.length ?? 0) > 0 || (typeScopes?.length ?? 0) > 0 || (fieldPolicies?.length ?? 0) > 0 || (typePolicies?.length ?? 0) > 0;
    if (!guarded) return undefined;
    const label = `${params.parentType.name}.${field.name}`;
    if (user === null) return accessError('UNAUTHENTICATED', `${label} needs a valid access token`, fieldNode, path);
    for (const alternatives of [fieldScopes, typeScopes]) {
      if (alternatives === undefined || alternatives.length === 0) continue;
      if (!alternatives.some((all) => all.every((role) => user.roles.has(role as never)))) {
        return accessError('FORBIDDEN', `${label} needs role ${alternatives.map((a) => a.join(' and ')).join(' or ')}`, fieldNode, path);
      }
    }
    const policies = [...(typePolicies ?? []), ...(fieldPolicies ?? [])].flat();
    if (policies.length === 0) return undefined;
    const scope = scopeFor(user);
    const unitId = unitOfField(params.executionArgs.document, fieldNode, params.executionArgs.variableValues, options.index, options.today());
    for (const policy of policies) {
      if (!isAction(policy)) return accessError('FORBIDDEN', `${label} is guarded by an unknown policy`, fieldNode, path);
      // The unit is not in the document (a list of units): roles here, each unit in the subgraph.
      const decision = unitId === undefined
        ? (ACTION_RULES[policy].roles.some((r) => user.roles.has(r)) ? { allow: true as const } : decide(scope, policy, null, options.index))
        : unitId === null
          ? { allow: true as const } // an unknown unit: the subgraph answers "not found", nothing to protect
          : decide(scope, policy, unitId, options.index);
      if (!decision.allow) return accessError(decision.code, `${label} needs ${decision.missing}`, fieldNode, path);
    }
    return undefined;
  };

  /**
   * Our codes on the way out: the JWT plugin's own refusals carry no code (401/400 only), and
   * partial refusals must keep HTTP 200 beside their data. When every field was refused, the
   * emptied document must not reach the Rust planner (it answers 500): answer here instead.
   */
  const codes: GatewayPlugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const op = args.document.definitions.find((d: DefinitionNode) => d.kind === Kind.OPERATION_DEFINITION);
      if (op !== undefined && op.selectionSet.selections.length === 0) {
        setResultAndStopExecution({ data: null });
      }
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || result === null || typeof result !== 'object' || !('errors' in result)) return;
      const r: ExecutionResult = result;
      if (r.errors === undefined || r.errors.length === 0) return;
      // Refused fields come back as nulls under their parents: data counts only where a leaf has a value.
      const anyValue = (v: unknown): boolean => (v === null || v === undefined ? false : typeof v === 'object' ? Object.values(v).some(anyValue) : true);
      const hasData = anyValue(r.data);
      const errors = r.errors.map((e) => {
        const status = httpStatusSchema.safeParse(e.extensions?.['http']).data?.status;
        const code = e.extensions?.['code'];
        if (code === undefined && (status === 401 || status === 400) && e.path === undefined) {
          return new GraphQLError(`a valid access token is required: ${e.message === 'Unauthenticated' ? 'the token was refused' : e.message}`, {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
        if (typeof code === 'string' && ACCESS_CODES.has(code)) {
          const http = hasData ? 200 : code === 'UNAUTHENTICATED' ? 401 : 403;
          return new GraphQLError(e.message, { ...(e.path === undefined ? {} : { path: e.path }), extensions: { ...e.extensions, http: { status: http } } });
        }
        return e;
      });
      setResult({ ...r, errors });
    },
  };

  // The subgraph a fetch URL goes to: the runtime fetches a handful of fixed endpoint URLs, so the
  // answer is kept per URL (bounded, in case one ever carries a query string).
  const subgraphOfUrl = new Map<string, string | null>();
  const subgraphOf = (url: string): string | null => {
    let subgraph = subgraphOfUrl.get(url);
    if (subgraph === undefined) {
      subgraph = options.subgraphByOrigin.get(new URL(url).origin) ?? null;
      if (subgraphOfUrl.size >= 256) subgraphOfUrl.clear();
      subgraphOfUrl.set(url, subgraph);
    }
    return subgraph;
  };
  const mintUpstream: GatewayPlugin = {
    onFetch({ url, options: init, setOptions, context }) {
      const subgraph = subgraphOf(url);
      if (subgraph === null) return undefined;
      const ctx: Record<string, unknown> = context ?? {};
      // The identity genericAuth resolved for this request; anything else travels as anonymous.
      const identity = identities.get(ctx) ?? null;
      return options.mint(subgraph, identity, options.budgetOf?.(ctx)).then((token) => {
        setOptions({ ...init, headers: withAuthorization(init.headers, `Bearer ${token}`) });
      });
    },
  };

  return {
    plugins: [jwt, codes, mintUpstream] satisfies GatewayPlugin[],
    genericAuth: {
      mode: 'protect-granular' as const,
      resolveUserFn,
      extractScopes: (user: Record<string, unknown>): string[] => [...(identityOf(user)?.roles ?? [])],
      validateUser,
      // Refused fields are removed and reported; the rest of the operation still answers.
      rejectUnauthenticated: false,
    },
    scopeFor,
    verifyBearer: createBearerVerifier(options),
  };
}
