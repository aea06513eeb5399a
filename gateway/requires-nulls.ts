import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';

/**
 * Nulls reach `@requires` consumers as nulls (issue #7 item 5).
 *
 * The Rust planner's runtime (`@graphql-hive/router-runtime`, `projectRequires`) drops every null
 * when it builds a representation, and a subgraph fetch that failed outright (process down:
 * `gateway/unreachable.ts`) merges nothing, so "the labour subgraph answered `labour: null` with
 * an error" and "the planner never fetched `labour`" reached dti alike: absent. dti must tell them
 * apart (null: the source failed, SOURCE_UNAVAILABLE; absent: a broken contract, an error).
 *
 * This plugin keeps, per request, what every subgraph answered for each entity (by its key,
 * nulls included; every field a failed fetch asked for counts as null), and before a fetch that
 * carries representations puts back each field its `@requires` selection names that the runtime
 * dropped *and* that some subgraph answered (null or not). A field no subgraph was asked for stays
 * absent, so a planner that skips a fetch is still caught by the consumer. Nothing is invented:
 * what is put back is what the owning subgraph sent.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function namedType(t: TypeNode): string {
  return t.kind === Kind.NAMED_TYPE ? t.name.value : namedType(t.type);
}

function stringArg(node: { readonly arguments?: readonly { readonly name: { readonly value: string }; readonly value: { readonly kind: string } }[] }, name: string): string | undefined {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (arg === undefined) return undefined;
  const v = arg.value as { kind: string; value?: unknown };
  return (v.kind === Kind.STRING || v.kind === Kind.ENUM) && typeof v.value === 'string' ? v.value : undefined;
}

function selectionOf(fields: string): SelectionSetNode {
  return (parse(`{ ${fields} }`).definitions[0] as OperationDefinitionNode).selectionSet;
}

/** What the plugin needs of the supergraph: field types, entity keys, and each subgraph's @requires. */
export interface SupergraphModel {
  /** type → field → named type of the field. */
  readonly fieldTypes: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Entity type → its key field lists (scalar keys only). */
  readonly keys: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** `subgraph|Type|field` → the field's @requires selection in that subgraph. */
  readonly requires: ReadonlyMap<string, SelectionSetNode>;
  readonly rootTypes: Readonly<Record<'query' | 'mutation' | 'subscription', string>>;
}

/** Reads the supergraph SDL (join__ directives) once. */
export function supergraphModel(sdl: string): SupergraphModel {
  const doc = parse(sdl);
  const graphNames = new Map<string, string>();
  for (const d of doc.definitions) {
    if (d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph') {
      for (const v of d.values ?? []) {
        const dir = v.directives?.find((x) => x.name.value === 'join__graph');
        const name = dir === undefined ? undefined : stringArg(dir, 'name');
        if (name !== undefined) graphNames.set(v.name.value, name);
      }
    }
  }
  const fieldTypes = new Map<string, Map<string, string>>();
  const keys = new Map<string, string[][]>();
  const requires = new Map<string, SelectionSetNode>();
  const rootTypes = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };
  for (const d of doc.definitions) {
    if (d.kind === Kind.SCHEMA_DEFINITION) for (const op of d.operationTypes) rootTypes[op.operation] = op.type.name.value;
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const type = d.name.value;
    const fields = new Map<string, string>();
    for (const f of d.fields ?? []) {
      fields.set(f.name.value, namedType(f.type));
      for (const dir of f.directives ?? []) {
        if (dir.name.value !== 'join__field') continue;
        const graph = stringArg(dir, 'graph');
        const req = stringArg(dir, 'requires');
        const subgraph = graph === undefined ? undefined : graphNames.get(graph);
        if (subgraph !== undefined && req !== undefined) requires.set(`${subgraph}|${type}|${f.name.value}`, selectionOf(req));
      }
    }
    fieldTypes.set(type, fields);
    for (const dir of d.directives ?? []) {
      if (dir.name.value !== 'join__type') continue;
      const key = stringArg(dir, 'key');
      if (key === undefined) continue;
      const sel = selectionOf(key);
      if (!sel.selections.every((s) => s.kind === Kind.FIELD && s.selectionSet === undefined)) continue;
      const names = sel.selections.map((s) => (s as FieldNode).name.value);
      const list = keys.get(type) ?? [];
      if (!list.some((k) => k.join(' ') === names.join(' '))) list.push(names);
      keys.set(type, list);
    }
  }
  return { fieldTypes, keys, requires, rootTypes };
}

/** Answers of one request: entity id → the fields subgraphs sent for it (by field name, nulls kept). */
type Records = Map<string, Json>;

// A selection set belongs to one document (one fragment set): its fields per type are worked out once.
const fieldsCache = new WeakMap<SelectionSetNode, Map<string, readonly FieldNode[]>>();

function fieldsOf(selectionSet: SelectionSetNode, typename: string | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>): readonly FieldNode[] {
  let byType = fieldsCache.get(selectionSet);
  if (byType === undefined) {
    byType = new Map();
    fieldsCache.set(selectionSet, byType);
  }
  const key = typename ?? '';
  let fields = byType.get(key);
  if (fields === undefined) {
    fields = collectFields(selectionSet, typename, fragments, []);
    byType.set(key, fields);
  }
  return fields;
}

function collectFields(selectionSet: SelectionSetNode, typename: string | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>, out: FieldNode[]): FieldNode[] {
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) {
      const on = s.typeCondition?.name.value;
      if (on === undefined || typename === undefined || on === typename) collectFields(s.selectionSet, typename, fragments, out);
    } else {
      const f = fragments.get(s.name.value);
      if (f !== undefined && (typename === undefined || f.typeCondition.name.value === typename)) collectFields(f.selectionSet, typename, fragments, out);
    }
  }
  return out;
}

const NO_FRAGMENTS: ReadonlyMap<string, FragmentDefinitionNode> = new Map();

/** Deep merge: what is already known stays; what is new is added. */
function merge(into: Json, from: Json): void {
  for (const [k, v] of Object.entries(from)) {
    const had = into[k];
    if (had === undefined || (had === null && v !== null)) into[k] = v;
    else if (isObject(had) && isObject(v)) merge(had, v);
  }
}

export function createRequiresNulls(model: SupergraphModel) {
  const idsOf = (type: string, value: Json): string[] =>
    (model.keys.get(type) ?? []).flatMap((key) => (key.every((k) => value[k] !== undefined && value[k] !== null) ? [`${type}|${JSON.stringify(key.map((k) => value[k]))}`] : []));
  const fieldType = (type: string | undefined, field: string): string | undefined => (type === undefined ? undefined : model.fieldTypes.get(type)?.get(field));

  const put = (records: Records, ids: readonly string[], fields: Json): void => {
    for (const id of ids) {
      const rec = records.get(id);
      // `fields` is fresh (normalize builds it): kept as is, not copied.
      if (rec === undefined) records.set(id, fields);
      else merge(rec, fields);
    }
  };

  /** An answer value in field names (aliases undone), recording every entity object met on the way. */
  const normalize = (records: Records, value: unknown, type: string | undefined, sel: SelectionSetNode | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>): unknown => {
    if (value === null || value === undefined || sel === undefined) return value;
    if (Array.isArray(value)) return value.map((v) => normalize(records, v, type, sel, fragments));
    if (!isObject(value)) return value;
    const typename = typeof value['__typename'] === 'string' ? value['__typename'] : type;
    const out: Json = {};
    for (const f of fieldsOf(sel, typename, fragments)) {
      const name = f.name.value;
      if (name.startsWith('__')) continue;
      const v = value[f.alias?.value ?? name];
      if (v === undefined) continue;
      const normalized = normalize(records, v, fieldType(typename, name), f.selectionSet, fragments);
      // A field with arguments may be fetched twice with different ones (@requires names none): walked for the entities in it, not kept.
      if ((f.arguments?.length ?? 0) === 0) out[name] = normalized;
    }
    if (typename !== undefined) put(records, idsOf(typename, { ...out, ...value }), out);
    return out;
  };

  interface EntitiesField {
    readonly field: FieldNode;
    readonly variable: string;
  }
  const entitiesFields = (op: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): EntitiesField[] =>
    fieldsOf(op.selectionSet, undefined, fragments).flatMap((f) => {
      if (f.name.value !== '_entities') return [];
      const arg = f.arguments?.find((a) => a.name.value === 'representations');
      return arg?.value.kind === Kind.VARIABLE ? [{ field: f, variable: arg.value.name.value }] : [];
    });

  /** Records one subgraph answer: entity answers by the representation's key (a failed one: null for each field asked), the rest by walking the data. */
  const record = (records: Records, document: DocumentNode, variables: Json | undefined, result: { data?: unknown }): void => {
    const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
    const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (op === undefined) return;
    const data = isObject(result.data) ? result.data : null;
    const entities = entitiesFields(op, fragments);
    for (const { field, variable } of entities) {
      const reps = variables?.[variable];
      if (!Array.isArray(reps) || field.selectionSet === undefined) continue;
      const answers = data?.[field.alias?.value ?? field.name.value];
      reps.forEach((rep: unknown, i) => {
        if (!isObject(rep) || typeof rep['__typename'] !== 'string') return;
        const type = rep['__typename'];
        const ids = idsOf(type, rep);
        const answer = Array.isArray(answers) ? answers[i] : undefined;
        const fields: Json = {};
        for (const f of fieldsOf(field.selectionSet!, type, fragments)) {
          const name = f.name.value;
          if (name.startsWith('__') || (f.arguments?.length ?? 0) > 0) continue;
          fields[name] = isObject(answer) ? normalize(records, answer[f.alias?.value ?? name], fieldType(type, name), f.selectionSet, fragments) ?? null : null;
        }
        put(records, ids, fields);
      });
    }
    if (entities.length === 0 && data !== null) normalize(records, data, model.rootTypes[op.operation], op.selectionSet, fragments);
  };

  /** A requires selection's fields a value lacks, put back from the records; true when something was. */
  const fill = (records: Records, value: Json, type: string | undefined, sel: SelectionSetNode, known: unknown): boolean => {
    let rec: Json | undefined = isObject(known) ? known : undefined;
    if (type !== undefined) {
      for (const id of idsOf(type, value)) {
        const r = records.get(id);
        if (r !== undefined) rec = rec === undefined ? r : { ...rec, ...r };
      }
    }
    let changed = false;
    for (const f of fieldsOf(sel, type, NO_FRAGMENTS)) {
      const name = f.name.value;
      const ft = fieldType(type, name);
      const v = value[name];
      const rv = rec?.[name];
      if (v === undefined) {
        if (rv !== undefined) {
          value[name] = project(rv, ft, f.selectionSet);
          changed = true;
        }
        continue;
      }
      if (v === null || f.selectionSet === undefined) continue;
      if (Array.isArray(v)) {
        v.forEach((item, i) => {
          if (isObject(item) && fill(records, item, ft, f.selectionSet!, Array.isArray(rv) ? rv[i] : undefined)) changed = true;
        });
      } else if (isObject(v) && fill(records, v, ft, f.selectionSet, rv)) changed = true;
    }
    return changed;
  };

  /** A recorded value cut to a selection, nulls kept. */
  const project = (value: unknown, type: string | undefined, sel: SelectionSetNode | undefined): unknown => {
    if (value === null || value === undefined || sel === undefined) return value ?? null;
    if (Array.isArray(value)) return value.map((v) => project(v, type, sel));
    if (!isObject(value)) return value;
    const out: Json = {};
    for (const f of fieldsOf(sel, type, NO_FRAGMENTS)) {
      const v = value[f.name.value];
      if (v !== undefined) out[f.name.value] = project(v, fieldType(type, f.name.value), f.selectionSet);
    }
    return out;
  };

  /** Puts dropped nulls back into the representations of a fetch to `subgraph` (in place); the variables when something changed, else undefined. */
  const restore = (records: Records, subgraph: string, document: DocumentNode, variables: Json | undefined): Json | undefined => {
    if (variables === undefined || records.size === 0) return undefined;
    const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
    const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (op === undefined) return undefined;
    let next: Json | undefined;
    for (const { field, variable } of entitiesFields(op, fragments)) {
      const reps = variables[variable];
      if (!Array.isArray(reps) || field.selectionSet === undefined) continue;
      // Filled in place: the runtime builds these representations afresh for this fetch (projectRequires).
      let changed = false;
      reps.forEach((rep: unknown) => {
        if (!isObject(rep) || typeof rep['__typename'] !== 'string') return;
        const type = rep['__typename'];
        for (const f of fieldsOf(field.selectionSet!, type, fragments)) {
          const sel = model.requires.get(`${subgraph}|${type}|${f.name.value}`);
          if (sel !== undefined && fill(records, rep, type, sel, undefined)) changed = true;
        }
      });
      if (changed) next = variables;
    }
    return next;
  };

  return { record, restore };
}

/** The plugin over the supergraph the gateway serves. */
export function useRequiresNulls(supergraphSdl: string): GatewayPlugin {
  const model = supergraphModel(supergraphSdl);
  const { record, restore } = createRequiresNulls(model);
  const byRequest = new WeakMap<object, Records>();
  return {
    onSubgraphExecute({ subgraphName, executionRequest }) {
      const context: unknown = executionRequest.context;
      if (typeof context !== 'object' || context === null) return undefined;
      let records = byRequest.get(context);
      if (records === undefined) {
        records = new Map();
        byRequest.set(context, records);
      }
      restore(records, subgraphName, executionRequest.document, executionRequest.variables);
      const own = records;
      return ({ result }) => {
        if (isObject(result) && !(Symbol.asyncIterator in result)) record(own, executionRequest.document, executionRequest.variables, result);
      };
    },
  };
}
