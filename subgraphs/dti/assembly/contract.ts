import type { ErrorCode } from '../../../lib/errors/index.ts';
import { GraphQLError, Kind, parse, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The `@requires` contract, checked per field before anything is computed (issue #7 item 5).
 *
 * A representation field that is `null` means its owning subgraph answered it null (it failed, or
 * has nothing): the assessment says SOURCE_UNAVAILABLE for what it feeds. A field that is absent
 * (`undefined`) means the gateway never fetched it — a query-planner or gateway bug — and is
 * refused with `REQUIRES_FIELD_MISSING` naming every missing path and the subgraph that should
 * have sent it, so a broken contract is never shown to officials as an outage. Our gateway sends
 * every null through (gateway/requires-nulls.ts); a predecessor's year is checked against its own
 * selection, which asks for neither its predecessors nor its manual entries.
 */

/** A field the selection asks for that the representation lacks, and who owns it. */
export interface MissingField {
  /** Dotted path inside the representation, array items by index: `predecessorYears[1].labour`. */
  readonly path: string;
  /** The subgraph that should have sent it (its owner in the supergraph). */
  readonly subgraph: string;
}

/** Parses a `@requires(fields: …)` string once. */
export function requiresSelection(fields: string): SelectionSetNode {
  const op = parse(`{ ${fields} }`).definitions[0] as OperationDefinitionNode;
  return op.selectionSet;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Every path of `selection` absent from `representation`. Below a null nothing is asked; inside a
 * present object (or each item of a present list) every selected field must be there.
 * `owners` names the subgraph of each UnitYear-level field; `entityFields` are the fields whose
 * items are UnitYear again (their fields are owned as at the top).
 */
export function missingRequires(
  representation: unknown,
  selection: SelectionSetNode,
  owners: Readonly<Record<string, string>>,
  entityFields: ReadonlySet<string> = new Set(),
): MissingField[] {
  const out: MissingField[] = [];
  const walk = (value: Record<string, unknown>, sel: SelectionSetNode, path: string, owner: string | undefined): void => {
    for (const s of sel.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(value, s.selectionSet, path, owner);
        continue;
      }
      if (s.kind !== Kind.FIELD) continue;
      const name = s.name.value;
      const at = path === '' ? name : `${path}.${name}`;
      const who = owner ?? owners[name] ?? 'unknown';
      const v = value[name];
      if (v === undefined) {
        out.push({ path: at, subgraph: who });
        continue;
      }
      if (v === null || s.selectionSet === undefined) continue;
      const inner = entityFields.has(name) && owner === undefined ? undefined : who;
      if (Array.isArray(v)) {
        v.forEach((item, i) => {
          if (isObject(item)) walk(item, s.selectionSet!, `${at}[${i}]`, inner);
        });
      } else if (isObject(v)) walk(v, s.selectionSet, at, inner);
    }
  };
  if (isObject(representation)) walk(representation, selection, '', undefined);
  return out;
}

const LISTED = 4;

/** The error a field raises instead of computing from a representation that breaks its contract. */
export function requiresFieldMissingError(field: string, missing: readonly MissingField[]): GraphQLError {
  const shown = missing.slice(0, LISTED).map((m) => `${m.path} (${m.subgraph})`).join(', ');
  const more = missing.length > LISTED ? ` (+${missing.length - LISTED})` : '';
  const message =
    `Lỗi hợp đồng @requires giữa gateway và dti, không phải nguồn dữ liệu ngừng hoạt động: ${field} thiếu ${missing.length} trường gateway phải gửi: ${shown}${more}.`.normalize('NFC');
  const messageEn = `@requires contract broken between the gateway (query planner) and dti, not a source outage: ${field} lacks ${missing.length} field(s) the gateway must send: ${shown}${more}.`;
  return new GraphQLError(message, {
    extensions: { code: 'REQUIRES_FIELD_MISSING' satisfies ErrorCode, field, missing: missing.map((m) => ({ path: m.path, subgraph: m.subgraph })), messageEn },
  });
}
