/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment PlanTargetRow_target on PlanTarget {\n  text\n  min\n  max\n  unit\n  targetYear\n  level\n  indicator {\n    code\n    name\n    nameEn\n    sourceSystem\n    confirmed\n  }\n  actual(year: $year) {\n    value\n    met\n    due\n    status\n    note\n    source {\n      system\n      asOf\n    }\n  }\n}": typeof types.PlanTargetRow_TargetFragmentDoc,
    "fragment PlanTaskRow_task on PlanTask {\n  title\n  result\n  lead {\n    name\n    agency {\n      code\n      name\n    }\n  }\n  cooperating {\n    name\n  }\n  timeframe {\n    text\n    from\n    to\n  }\n}": typeof types.PlanTaskRow_TaskFragmentDoc,
    "fragment ScorecardHistory_dti on DtiAssessment {\n  year\n  score\n  completeness\n  published {\n    score\n  }\n}": typeof types.ScorecardHistory_DtiFragmentDoc,
    "fragment ScorecardIndex766_index on PublicServiceIndex766 {\n  score\n  maxScore\n  completeness\n  confirmed\n  estimate\n  status\n  reason\n  groups {\n    code\n    name\n    nameEn\n    score\n    maxScore\n    maxScoreConfirmed\n  }\n}": typeof types.ScorecardIndex766_IndexFragmentDoc,
    "fragment ScorecardIndicatorRow_indicator on DtiMainIndicatorValue {\n  code\n  name\n  nameEn\n  maxPoints\n  pointsConfirmed\n  confirmed\n  value\n  status\n  estimate\n  collectionStatus\n  dataHeldBy\n  note\n}": typeof types.ScorecardIndicatorRow_IndicatorFragmentDoc,
    "fragment ScorecardInputRow_input on DtiInput {\n  value\n  status\n  used\n  note\n  indicator {\n    code\n    name\n    nameEn\n    unit\n    sourceSystem\n    confirmed\n    mappingIsJudgement\n  }\n  source {\n    system\n    status\n    asOf\n    fetchedAt\n    recordRef\n    note\n  }\n}": typeof types.ScorecardInputRow_InputFragmentDoc,
    "fragment ScorecardMissingRow_item on DtiMissingItem {\n  kind\n  code\n  status\n  reason\n}": typeof types.ScorecardMissingRow_ItemFragmentDoc,
    "fragment ScorecardSummary_dti on DtiAssessment {\n  year\n  methodology\n  score\n  maxScore\n  completeness\n  scoreNote\n  scoreConfirmed\n  estimate\n  synthetic\n  points\n  totalPoints\n  coveredPoints\n  notes\n  citation\n  published {\n    score\n    rank\n    confirmed\n    grade\n    source\n  }\n  merger {\n    basis\n    note\n    predecessors {\n      unitId\n      code\n      name\n    }\n  }\n}": typeof types.ScorecardSummary_DtiFragmentDoc,
    "query PlansQuery($id: ID!, $year: Int!) {\n  unitById(id: $id) {\n    id\n    code\n    name\n    plans(includePredecessors: true) {\n      id\n      symbol\n      title\n      issuer\n      issuedOn\n      legalBasis\n      budgetTotalVND\n      targets {\n        ...PlanTargetRow_target\n      }\n      tasks {\n        ...PlanTaskRow_task\n      }\n      budget {\n        year\n        amountVND\n      }\n    }\n  }\n}": typeof types.PlansQueryDocument,
    "query ProvincesQuery($asOf: String!, $year: Int!) {\n  units(level: PROVINCE, asOf: $asOf) {\n    id\n    code\n    name\n    confirmed\n    year(year: $year) {\n      dti {\n        methodology\n        score\n        completeness\n        estimate\n        scoreConfirmed\n        inputs {\n          status\n          indicator {\n            sourceSystem\n          }\n        }\n        published {\n          score\n          rank\n          confirmed\n        }\n      }\n    }\n  }\n}": typeof types.ProvincesQueryDocument,
    "query ScorecardQuery($id: ID!, $year: Int!, $from: Int!, $to: Int!) {\n  unitById(id: $id) {\n    id\n    code\n    name\n    validFrom\n    validTo\n    confirmed\n    notes\n    predecessors {\n      id\n      code\n      name\n    }\n    year(year: $year) {\n      dti {\n        ...ScorecardSummary_dti\n        mainIndicators {\n          ...ScorecardIndicatorRow_indicator\n        }\n        inputs {\n          ...ScorecardInputRow_input\n        }\n        missing {\n          ...ScorecardMissingRow_item\n        }\n      }\n      publicServiceIndex766 {\n        ...ScorecardIndex766_index\n      }\n    }\n    years(from: $from, to: $to) {\n      year\n      dti {\n        ...ScorecardHistory_dti\n      }\n    }\n  }\n}": typeof types.ScorecardQueryDocument,
};
const documents: Documents = {
    "fragment PlanTargetRow_target on PlanTarget {\n  text\n  min\n  max\n  unit\n  targetYear\n  level\n  indicator {\n    code\n    name\n    nameEn\n    sourceSystem\n    confirmed\n  }\n  actual(year: $year) {\n    value\n    met\n    due\n    status\n    note\n    source {\n      system\n      asOf\n    }\n  }\n}": types.PlanTargetRow_TargetFragmentDoc,
    "fragment PlanTaskRow_task on PlanTask {\n  title\n  result\n  lead {\n    name\n    agency {\n      code\n      name\n    }\n  }\n  cooperating {\n    name\n  }\n  timeframe {\n    text\n    from\n    to\n  }\n}": types.PlanTaskRow_TaskFragmentDoc,
    "fragment ScorecardHistory_dti on DtiAssessment {\n  year\n  score\n  completeness\n  published {\n    score\n  }\n}": types.ScorecardHistory_DtiFragmentDoc,
    "fragment ScorecardIndex766_index on PublicServiceIndex766 {\n  score\n  maxScore\n  completeness\n  confirmed\n  estimate\n  status\n  reason\n  groups {\n    code\n    name\n    nameEn\n    score\n    maxScore\n    maxScoreConfirmed\n  }\n}": types.ScorecardIndex766_IndexFragmentDoc,
    "fragment ScorecardIndicatorRow_indicator on DtiMainIndicatorValue {\n  code\n  name\n  nameEn\n  maxPoints\n  pointsConfirmed\n  confirmed\n  value\n  status\n  estimate\n  collectionStatus\n  dataHeldBy\n  note\n}": types.ScorecardIndicatorRow_IndicatorFragmentDoc,
    "fragment ScorecardInputRow_input on DtiInput {\n  value\n  status\n  used\n  note\n  indicator {\n    code\n    name\n    nameEn\n    unit\n    sourceSystem\n    confirmed\n    mappingIsJudgement\n  }\n  source {\n    system\n    status\n    asOf\n    fetchedAt\n    recordRef\n    note\n  }\n}": types.ScorecardInputRow_InputFragmentDoc,
    "fragment ScorecardMissingRow_item on DtiMissingItem {\n  kind\n  code\n  status\n  reason\n}": types.ScorecardMissingRow_ItemFragmentDoc,
    "fragment ScorecardSummary_dti on DtiAssessment {\n  year\n  methodology\n  score\n  maxScore\n  completeness\n  scoreNote\n  scoreConfirmed\n  estimate\n  synthetic\n  points\n  totalPoints\n  coveredPoints\n  notes\n  citation\n  published {\n    score\n    rank\n    confirmed\n    grade\n    source\n  }\n  merger {\n    basis\n    note\n    predecessors {\n      unitId\n      code\n      name\n    }\n  }\n}": types.ScorecardSummary_DtiFragmentDoc,
    "query PlansQuery($id: ID!, $year: Int!) {\n  unitById(id: $id) {\n    id\n    code\n    name\n    plans(includePredecessors: true) {\n      id\n      symbol\n      title\n      issuer\n      issuedOn\n      legalBasis\n      budgetTotalVND\n      targets {\n        ...PlanTargetRow_target\n      }\n      tasks {\n        ...PlanTaskRow_task\n      }\n      budget {\n        year\n        amountVND\n      }\n    }\n  }\n}": types.PlansQueryDocument,
    "query ProvincesQuery($asOf: String!, $year: Int!) {\n  units(level: PROVINCE, asOf: $asOf) {\n    id\n    code\n    name\n    confirmed\n    year(year: $year) {\n      dti {\n        methodology\n        score\n        completeness\n        estimate\n        scoreConfirmed\n        inputs {\n          status\n          indicator {\n            sourceSystem\n          }\n        }\n        published {\n          score\n          rank\n          confirmed\n        }\n      }\n    }\n  }\n}": types.ProvincesQueryDocument,
    "query ScorecardQuery($id: ID!, $year: Int!, $from: Int!, $to: Int!) {\n  unitById(id: $id) {\n    id\n    code\n    name\n    validFrom\n    validTo\n    confirmed\n    notes\n    predecessors {\n      id\n      code\n      name\n    }\n    year(year: $year) {\n      dti {\n        ...ScorecardSummary_dti\n        mainIndicators {\n          ...ScorecardIndicatorRow_indicator\n        }\n        inputs {\n          ...ScorecardInputRow_input\n        }\n        missing {\n          ...ScorecardMissingRow_item\n        }\n      }\n      publicServiceIndex766 {\n        ...ScorecardIndex766_index\n      }\n    }\n    years(from: $from, to: $to) {\n      year\n      dti {\n        ...ScorecardHistory_dti\n      }\n    }\n  }\n}": types.ScorecardQueryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment PlanTargetRow_target on PlanTarget {\n  text\n  min\n  max\n  unit\n  targetYear\n  level\n  indicator {\n    code\n    name\n    nameEn\n    sourceSystem\n    confirmed\n  }\n  actual(year: $year) {\n    value\n    met\n    due\n    status\n    note\n    source {\n      system\n      asOf\n    }\n  }\n}"): (typeof documents)["fragment PlanTargetRow_target on PlanTarget {\n  text\n  min\n  max\n  unit\n  targetYear\n  level\n  indicator {\n    code\n    name\n    nameEn\n    sourceSystem\n    confirmed\n  }\n  actual(year: $year) {\n    value\n    met\n    due\n    status\n    note\n    source {\n      system\n      asOf\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment PlanTaskRow_task on PlanTask {\n  title\n  result\n  lead {\n    name\n    agency {\n      code\n      name\n    }\n  }\n  cooperating {\n    name\n  }\n  timeframe {\n    text\n    from\n    to\n  }\n}"): (typeof documents)["fragment PlanTaskRow_task on PlanTask {\n  title\n  result\n  lead {\n    name\n    agency {\n      code\n      name\n    }\n  }\n  cooperating {\n    name\n  }\n  timeframe {\n    text\n    from\n    to\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ScorecardHistory_dti on DtiAssessment {\n  year\n  score\n  completeness\n  published {\n    score\n  }\n}"): (typeof documents)["fragment ScorecardHistory_dti on DtiAssessment {\n  year\n  score\n  completeness\n  published {\n    score\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ScorecardIndex766_index on PublicServiceIndex766 {\n  score\n  maxScore\n  completeness\n  confirmed\n  estimate\n  status\n  reason\n  groups {\n    code\n    name\n    nameEn\n    score\n    maxScore\n    maxScoreConfirmed\n  }\n}"): (typeof documents)["fragment ScorecardIndex766_index on PublicServiceIndex766 {\n  score\n  maxScore\n  completeness\n  confirmed\n  estimate\n  status\n  reason\n  groups {\n    code\n    name\n    nameEn\n    score\n    maxScore\n    maxScoreConfirmed\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ScorecardIndicatorRow_indicator on DtiMainIndicatorValue {\n  code\n  name\n  nameEn\n  maxPoints\n  pointsConfirmed\n  confirmed\n  value\n  status\n  estimate\n  collectionStatus\n  dataHeldBy\n  note\n}"): (typeof documents)["fragment ScorecardIndicatorRow_indicator on DtiMainIndicatorValue {\n  code\n  name\n  nameEn\n  maxPoints\n  pointsConfirmed\n  confirmed\n  value\n  status\n  estimate\n  collectionStatus\n  dataHeldBy\n  note\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ScorecardInputRow_input on DtiInput {\n  value\n  status\n  used\n  note\n  indicator {\n    code\n    name\n    nameEn\n    unit\n    sourceSystem\n    confirmed\n    mappingIsJudgement\n  }\n  source {\n    system\n    status\n    asOf\n    fetchedAt\n    recordRef\n    note\n  }\n}"): (typeof documents)["fragment ScorecardInputRow_input on DtiInput {\n  value\n  status\n  used\n  note\n  indicator {\n    code\n    name\n    nameEn\n    unit\n    sourceSystem\n    confirmed\n    mappingIsJudgement\n  }\n  source {\n    system\n    status\n    asOf\n    fetchedAt\n    recordRef\n    note\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ScorecardMissingRow_item on DtiMissingItem {\n  kind\n  code\n  status\n  reason\n}"): (typeof documents)["fragment ScorecardMissingRow_item on DtiMissingItem {\n  kind\n  code\n  status\n  reason\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ScorecardSummary_dti on DtiAssessment {\n  year\n  methodology\n  score\n  maxScore\n  completeness\n  scoreNote\n  scoreConfirmed\n  estimate\n  synthetic\n  points\n  totalPoints\n  coveredPoints\n  notes\n  citation\n  published {\n    score\n    rank\n    confirmed\n    grade\n    source\n  }\n  merger {\n    basis\n    note\n    predecessors {\n      unitId\n      code\n      name\n    }\n  }\n}"): (typeof documents)["fragment ScorecardSummary_dti on DtiAssessment {\n  year\n  methodology\n  score\n  maxScore\n  completeness\n  scoreNote\n  scoreConfirmed\n  estimate\n  synthetic\n  points\n  totalPoints\n  coveredPoints\n  notes\n  citation\n  published {\n    score\n    rank\n    confirmed\n    grade\n    source\n  }\n  merger {\n    basis\n    note\n    predecessors {\n      unitId\n      code\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlansQuery($id: ID!, $year: Int!) {\n  unitById(id: $id) {\n    id\n    code\n    name\n    plans(includePredecessors: true) {\n      id\n      symbol\n      title\n      issuer\n      issuedOn\n      legalBasis\n      budgetTotalVND\n      targets {\n        ...PlanTargetRow_target\n      }\n      tasks {\n        ...PlanTaskRow_task\n      }\n      budget {\n        year\n        amountVND\n      }\n    }\n  }\n}"): (typeof documents)["query PlansQuery($id: ID!, $year: Int!) {\n  unitById(id: $id) {\n    id\n    code\n    name\n    plans(includePredecessors: true) {\n      id\n      symbol\n      title\n      issuer\n      issuedOn\n      legalBasis\n      budgetTotalVND\n      targets {\n        ...PlanTargetRow_target\n      }\n      tasks {\n        ...PlanTaskRow_task\n      }\n      budget {\n        year\n        amountVND\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProvincesQuery($asOf: String!, $year: Int!) {\n  units(level: PROVINCE, asOf: $asOf) {\n    id\n    code\n    name\n    confirmed\n    year(year: $year) {\n      dti {\n        methodology\n        score\n        completeness\n        estimate\n        scoreConfirmed\n        inputs {\n          status\n          indicator {\n            sourceSystem\n          }\n        }\n        published {\n          score\n          rank\n          confirmed\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query ProvincesQuery($asOf: String!, $year: Int!) {\n  units(level: PROVINCE, asOf: $asOf) {\n    id\n    code\n    name\n    confirmed\n    year(year: $year) {\n      dti {\n        methodology\n        score\n        completeness\n        estimate\n        scoreConfirmed\n        inputs {\n          status\n          indicator {\n            sourceSystem\n          }\n        }\n        published {\n          score\n          rank\n          confirmed\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScorecardQuery($id: ID!, $year: Int!, $from: Int!, $to: Int!) {\n  unitById(id: $id) {\n    id\n    code\n    name\n    validFrom\n    validTo\n    confirmed\n    notes\n    predecessors {\n      id\n      code\n      name\n    }\n    year(year: $year) {\n      dti {\n        ...ScorecardSummary_dti\n        mainIndicators {\n          ...ScorecardIndicatorRow_indicator\n        }\n        inputs {\n          ...ScorecardInputRow_input\n        }\n        missing {\n          ...ScorecardMissingRow_item\n        }\n      }\n      publicServiceIndex766 {\n        ...ScorecardIndex766_index\n      }\n    }\n    years(from: $from, to: $to) {\n      year\n      dti {\n        ...ScorecardHistory_dti\n      }\n    }\n  }\n}"): (typeof documents)["query ScorecardQuery($id: ID!, $year: Int!, $from: Int!, $to: Int!) {\n  unitById(id: $id) {\n    id\n    code\n    name\n    validFrom\n    validTo\n    confirmed\n    notes\n    predecessors {\n      id\n      code\n      name\n    }\n    year(year: $year) {\n      dti {\n        ...ScorecardSummary_dti\n        mainIndicators {\n          ...ScorecardIndicatorRow_indicator\n        }\n        inputs {\n          ...ScorecardInputRow_input\n        }\n        missing {\n          ...ScorecardMissingRow_item\n        }\n      }\n      publicServiceIndex766 {\n        ...ScorecardIndex766_index\n      }\n    }\n    years(from: $from, to: $to) {\n      year\n      dti {\n        ...ScorecardHistory_dti\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;