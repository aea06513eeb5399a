import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { accessRules as documentsRules } from '../subgraphs/documents/access.ts';
import { typeDefs as documentsSdl } from '../subgraphs/documents/schema.ts';
import { accessRules as dtiRules } from '../subgraphs/dti/access.ts';
import { typeDefs as dtiSdl } from '../subgraphs/dti/schema.ts';
import { accessRules as labourRules } from '../subgraphs/labour/access.ts';
import { typeDefs as labourSdl } from '../subgraphs/labour/schema.ts';
import { accessRules as plansRules } from '../subgraphs/plans/access.ts';
import { typeDefs as plansSdl } from '../subgraphs/plans/schema.ts';
import { accessRules as servicesRules } from '../subgraphs/services/access.ts';
import { typeDefs as servicesSdl } from '../subgraphs/services/schema.ts';
import type { AccessRules } from '../lib/access/index.ts';

/** `Type.field` of every field the SDL marks `@policy`. */
function policyFields(sdl: DocumentNode): Set<string> {
  const out = new Set<string>();
  for (const def of sdl.definitions) {
    if (def.kind !== 'ObjectTypeDefinition' && def.kind !== 'ObjectTypeExtension') continue;
    for (const f of def.fields ?? []) if (f.directives?.some((d) => d.name.value === 'policy')) out.add(`${def.name.value}.${f.name.value}`);
  }
  return out;
}

// TargetActual's and TargetTrajectory's figures carry @policy because composition requires it of
// fields whose @requires reach guarded data; the plans subgraph rules the only ways to them,
// PlanTarget.actual, PlanTarget.trajectory and AdministrativeUnit.targetsAtRisk.
const REACHED_ONLY_THROUGH_A_RULED_FIELD = new Set([
  ...['value', 'met', 'status', 'source', 'note'].map((f) => `TargetActual.${f}`),
  ...['points', 'projection', 'method', 'verdict', 'rule', 'shortfall'].map((f) => `TargetTrajectory.${f}`),
  'TargetsAtRisk.targets',
]);

describe('subgraph access rules (A35)', () => {
  it.each<[string, DocumentNode, AccessRules]>([
    ['plans', plansSdl, plansRules],
    ['documents', documentsSdl, documentsRules],
    ['services', servicesSdl, servicesRules],
    ['labour', labourSdl, labourRules],
    ['dti', dtiSdl, dtiRules],
  ])('%s: the rules table names exactly the SDL fields carrying @policy', (_name, sdl, rules) => {
    const expected = [...policyFields(sdl)].filter((f) => !REACHED_ONLY_THROUGH_A_RULED_FIELD.has(f)).sort();
    expect(Object.keys(rules).sort()).toEqual(expected);
  });
});
