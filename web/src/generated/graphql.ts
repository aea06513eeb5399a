/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Whether any connected system measures (part of) a main indicator. */
export type DtiCollectionStatus =
  /** None of our systems measures it; see dataHeldBy. */
  | 'NOT_COLLECTED'
  /** Some of our inputs feed it, as a proxy for its component indicators. */
  | 'PARTIAL';

export type DtiInputUnit =
  /** Exactly 0 or 1. */
  | 'BOOLEAN'
  /** A share from 0 to 1. */
  | 'FRACTION';

export type DtiMergerBasis =
  /** Each main indicator is the mean of the predecessors' values, each assessed on its own figures (DTI 2024 on). */
  | 'PREDECESSOR_AVERAGE'
  /** Computed on figures the sources rolled up over the predecessors' records (not a per-predecessor average). */
  | 'ROLLED_UP_INPUTS';

export type DtiMissingKind =
  | 'INPUT'
  | 'MAIN_INDICATOR'
  /** A predecessor of a merged province whose figures did not all arrive (code is its unitId). */
  | 'PREDECESSOR';

export type EntryStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'RETURNED'
  | 'SUBMITTED';

export type EvidenceInput = {
  /** YYYY-MM-DD */
  documentDate?: string | null | undefined;
  documentSymbol?: string | null | undefined;
  /** The sha256 an uploadEvidenceFile returned. */
  fileId?: string | null | undefined;
  note?: string | null | undefined;
  url?: string | null | undefined;
};

/** Where a figure stands: present, missing, late, or its source down. */
export type ProvenanceStatus =
  /** The source holds no record for this unit and period. */
  | 'MISSING'
  /** No connected system collects this figure. */
  | 'NOT_COLLECTED'
  /** Every record the figure needs was found. */
  | 'OK'
  /** Some of the records (e.g. one predecessor of a merged unit) are missing; the figure covers the rest. */
  | 'PARTIAL'
  /** The source could not be reached or answered garbage; see the error with extensions.system. */
  | 'SOURCE_UNAVAILABLE'
  /** The source's latest record is older than the period asks for. */
  | 'STALE';

export type ReviewDecision =
  | 'APPROVE'
  | 'RETURN';

export type SaveEntryInput = {
  acknowledgedWarnings?: Array<string> | null | undefined;
  comment?: string | null | undefined;
  denominator?: number | null | undefined;
  evidence: Array<EvidenceInput>;
  /** The version you read; omit to create. */
  expectedVersion?: number | null | undefined;
  indicatorCode: string;
  /** Why the acknowledged warnings do not stop this value. */
  justification?: string | null | undefined;
  numerator?: number | null | undefined;
  unitId: string;
  value?: number | null | undefined;
  year: number;
};

/** The upstream systems behind the graph. */
export type SourceSystem =
  | 'DOCUMENTS'
  | 'LABOUR'
  /** An approved manual entry of the DTI team (the submissions subgraph), not a connected system. */
  | 'MANUAL'
  | 'PLANS'
  | 'SERVICES';

export type TargetUnit =
  | 'COUNT'
  | 'PERCENT'
  | 'VND';

export type UnitLevel =
  | 'COMMUNE'
  | 'DISTRICT'
  | 'PROVINCE';

export type EntryCard_EntryFragment = { id: string, unitId: string, year: number, value: number, numerator: number | null, denominator: number | null, status: EntryStatus, version: number, comment: string | null, overridesSystemValue: boolean, warningCodes: Array<string>, acknowledgedWarnings: Array<string>, justification: string | null, updatedAt: string, indicator: { code: string, name: string | null, nameEn: string | null }, evidence: Array<{ documentSymbol: string | null, documentDate: string | null, url: string | null, fileId: string | null, fileName: string | null, fileSize: number | null, note: string | null }>, enteredBy: { subject: string, name: string | null }, approvedBy: { subject: string, name: string | null } | null, history: Array<{ at: string, role: string, action: string, version: number, before: string | null, after: string, reason: string | null, actor: { subject: string, name: string | null } }> } & { ' $fragmentName'?: 'EntryCard_EntryFragment' };

export type PlanTargetRow_TargetFragment = { text: string, min: number | null, max: number | null, unit: TargetUnit, targetYear: number | null, level: UnitLevel | null, indicator: { code: string, name: string, nameEn: string, sourceSystem: SourceSystem, confirmed: boolean } | null, actual: { value: number | null, met: boolean | null, due: boolean | null, status: ProvenanceStatus, note: string | null, source: { system: SourceSystem, asOf: string | null } | null } | null } & { ' $fragmentName'?: 'PlanTargetRow_TargetFragment' };

export type PlanTaskRow_TaskFragment = { title: string, result: string | null, lead: Array<{ name: string, agency: { code: string, name: string } | null }>, cooperating: Array<{ name: string }>, timeframe: { text: string | null, from: string | null, to: string | null } | null } & { ' $fragmentName'?: 'PlanTaskRow_TaskFragment' };

export type ScorecardHistory_DtiFragment = { year: number, score: number | null, completeness: number | null, estimate: boolean, mainIndicators: Array<{ code: string, name: string, nameEn: string, value: number | null, estimate: boolean }>, published: { score: number | null, confirmed: boolean, mainIndicators: Array<{ code: string, value: number | null }> } | null } & { ' $fragmentName'?: 'ScorecardHistory_DtiFragment' };

export type ScorecardIndex766_IndexFragment = { score: number | null, maxScore: number, completeness: number | null, confirmed: boolean, estimate: boolean, status: ProvenanceStatus, reason: string, groups: Array<{ code: string, name: string, nameEn: string, score: number | null, maxScore: number, maxScoreConfirmed: boolean }> } & { ' $fragmentName'?: 'ScorecardIndex766_IndexFragment' };

export type ScorecardIndicatorRow_IndicatorFragment = { code: string, name: string, nameEn: string, maxPoints: number | null, pointsConfirmed: boolean, confirmed: boolean, value: number | null, status: ProvenanceStatus, estimate: boolean, collectionStatus: DtiCollectionStatus, dataHeldBy: string, note: string | null } & { ' $fragmentName'?: 'ScorecardIndicatorRow_IndicatorFragment' };

export type ScorecardInputRow_InputFragment = { value: number | null, status: ProvenanceStatus, used: boolean, note: string | null, indicator: { code: string, name: string, nameEn: string, unit: DtiInputUnit, sourceSystem: SourceSystem, confirmed: boolean, mappingIsJudgement: boolean }, source: { system: SourceSystem, status: ProvenanceStatus, asOf: string | null, fetchedAt: string, recordRef: string | null, note: string | null } | null } & { ' $fragmentName'?: 'ScorecardInputRow_InputFragment' };

export type ScorecardMissingRow_ItemFragment = { kind: DtiMissingKind, code: string, status: ProvenanceStatus, reason: string } & { ' $fragmentName'?: 'ScorecardMissingRow_ItemFragment' };

export type ScorecardSummary_DtiFragment = { year: number, methodology: string, score: number | null, maxScore: number, completeness: number | null, scoreNote: string | null, scoreConfirmed: boolean, estimate: boolean, synthetic: boolean, points: number | null, totalPoints: number | null, coveredPoints: number | null, notes: Array<string>, citation: string, published: { score: number | null, rank: number | null, confirmed: boolean, grade: string, source: string } | null, merger: { basis: DtiMergerBasis, note: string, predecessors: Array<{ unitId: string, code: string, name: string }> } | null } & { ' $fragmentName'?: 'ScorecardSummary_DtiFragment' };

export type SubmissionCheck_CheckFragment = { systemValue: number | null, system: string | null, systemStatus: ProvenanceStatus | null, acknowledged: boolean, checkToken: string, entry: { id: string, version: number, indicator: { code: string } }, warnings: Array<{ code: string, message: string }> } & { ' $fragmentName'?: 'SubmissionCheck_CheckFragment' };

export type EntryQueryQueryVariables = Exact<{
  id: string;
  year: number;
}>;


export type EntryQueryQuery = { unitById: { id: string, code: string, name: string, year: { dti: { methodology: string, mainIndicators: Array<{ code: string, name: string, nameEn: string, value: number | null, status: ProvenanceStatus, collectionStatus: DtiCollectionStatus, dataHeldBy: string }> } | null, systemFigures: Array<{ indicatorCode: string, value: number | null, systems: Array<SourceSystem>, status: ProvenanceStatus, asOf: string | null }> | null, submissionChecks: Array<{ ' $fragmentRefs'?: { 'SubmissionCheck_CheckFragment': SubmissionCheck_CheckFragment } }> | null, selfAssessment: { entries: Array<{ ' $fragmentRefs'?: { 'EntryCard_EntryFragment': EntryCard_EntryFragment } }> } | null } | null } | null };

export type ImportPlanMutationMutationVariables = Exact<{
  unitCode: string;
  text: string;
  title?: string | null | undefined;
}>;


export type ImportPlanMutationMutation = { importPlan: { id: string, symbol: string } };

export type PlansQueryQueryVariables = Exact<{
  id: string;
  year: number;
}>;


export type PlansQueryQuery = { unitById: { id: string, code: string, name: string, plans: Array<{ id: string, symbol: string, title: string | null, issuer: string, issuedOn: string, legalBasis: Array<string>, budgetTotalVND: number | null, targets: Array<{ ' $fragmentRefs'?: { 'PlanTargetRow_TargetFragment': PlanTargetRow_TargetFragment } }>, tasks: Array<{ ' $fragmentRefs'?: { 'PlanTaskRow_TaskFragment': PlanTaskRow_TaskFragment } }>, budget: Array<{ year: number, amountVND: number }> }> } | null };

export type PreviewPlanQueryQueryVariables = Exact<{
  unitCode: string;
  text: string;
  title?: string | null | undefined;
}>;


export type PreviewPlanQueryQuery = { previewPlan: { importable: boolean, warnings: Array<string>, symbol: string | null, title: string | null, issuer: string | null, level: UnitLevel | null, issuedOn: string | null, legalBasis: Array<string>, budgetTotalVND: number | null, errors: Array<{ code: string, field: string, message: string, messageEn: string }>, unit: { id: string, code: string, name: string } | null, targets: Array<{ text: string, min: number | null, max: number | null, unit: TargetUnit, targetYear: number | null, level: UnitLevel | null, indicator: { code: string, name: string, nameEn: string, sourceSystem: SourceSystem, confirmed: boolean } | null }>, tasks: Array<{ title: string, lead: Array<string>, cooperating: Array<string>, result: string | null, timeframe: { text: string | null } | null }>, budget: Array<{ year: number, amountVND: number }> } };

export type ProvincesQueryQueryVariables = Exact<{
  asOf: string;
  year: number;
}>;


export type ProvincesQueryQuery = { units: Array<{ id: string, code: string, name: string, confirmed: boolean, year: { dti: { methodology: string, score: number | null, completeness: number | null, estimate: boolean, scoreConfirmed: boolean, inputs: Array<{ status: ProvenanceStatus, indicator: { sourceSystem: SourceSystem } }>, published: { score: number | null, rank: number | null, confirmed: boolean } | null } | null } | null }> };

export type ReviewEntryMutationMutationVariables = Exact<{
  id: string;
  decision: ReviewDecision;
  reason?: string | null | undefined;
  overridesSystemValue?: boolean | null | undefined;
  expectedVersion: number;
}>;


export type ReviewEntryMutationMutation = { reviewEntry: { entry: { ' $fragmentRefs'?: { 'EntryCard_EntryFragment': EntryCard_EntryFragment } } | null, userErrors: Array<{ field: string, code: string, message: string }> } };

export type SaveEntryMutationMutationVariables = Exact<{
  input: SaveEntryInput;
}>;


export type SaveEntryMutationMutation = { saveEntry: { entry: { ' $fragmentRefs'?: { 'EntryCard_EntryFragment': EntryCard_EntryFragment } } | null, warnings: Array<{ code: string, message: string }>, userErrors: Array<{ field: string, code: string, message: string }> } };

export type ScorecardQueryQueryVariables = Exact<{
  id: string;
  year: number;
  from: number;
  to: number;
}>;


export type ScorecardQueryQuery = { unitById: { id: string, code: string, name: string, validFrom: string | null, validTo: string | null, confirmed: boolean, notes: string | null, predecessors: Array<{ id: string, code: string, name: string }>, year: { dti: (
        { mainIndicators: Array<{ ' $fragmentRefs'?: { 'ScorecardIndicatorRow_IndicatorFragment': ScorecardIndicatorRow_IndicatorFragment } }>, inputs: Array<{ ' $fragmentRefs'?: { 'ScorecardInputRow_InputFragment': ScorecardInputRow_InputFragment } }>, missing: Array<{ ' $fragmentRefs'?: { 'ScorecardMissingRow_ItemFragment': ScorecardMissingRow_ItemFragment } }> }
        & { ' $fragmentRefs'?: { 'ScorecardSummary_DtiFragment': ScorecardSummary_DtiFragment } }
      ) | null, publicServiceIndex766: { ' $fragmentRefs'?: { 'ScorecardIndex766_IndexFragment': ScorecardIndex766_IndexFragment } } | null } | null, years: Array<{ year: number, dti: { ' $fragmentRefs'?: { 'ScorecardHistory_DtiFragment': ScorecardHistory_DtiFragment } } | null }> } | null };

export type SubmissionChecksQueryQueryVariables = Exact<{
  id: string;
  year: number;
}>;


export type SubmissionChecksQueryQuery = { unitById: { id: string, year: { submissionChecks: Array<{ ' $fragmentRefs'?: { 'SubmissionCheck_CheckFragment': SubmissionCheck_CheckFragment } }> | null } | null } | null };

export type SubmitEntriesMutationMutationVariables = Exact<{
  ids: Array<string> | string;
  checks?: Array<string> | string | null | undefined;
}>;


export type SubmitEntriesMutationMutation = { submitEntries: { entries: Array<{ ' $fragmentRefs'?: { 'EntryCard_EntryFragment': EntryCard_EntryFragment } }>, userErrors: Array<{ field: string, code: string, message: string }> } };

export type UploadEvidenceFileMutationMutationVariables = Exact<{
  unitId: string;
  name: string;
  contentBase64: string;
}>;


export type UploadEvidenceFileMutationMutation = { uploadEvidenceFile: { fileId: string, name: string, size: number } };

export const EntryCard_EntryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntryCard_entry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"indicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentSymbol"}},{"kind":"Field","name":{"kind":"Name","value":"documentDate"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enteredBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overridesSystemValue"}},{"kind":"Field","name":{"kind":"Name","value":"warningCodes"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"justification"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<EntryCard_EntryFragment, unknown>;
export const PlanTargetRow_TargetFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanTargetRow_target"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlanTarget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"targetYear"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"indicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"sourceSystem"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actual"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}}]}}]}}]} as unknown as DocumentNode<PlanTargetRow_TargetFragment, unknown>;
export const PlanTaskRow_TaskFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanTaskRow_task"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlanTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cooperating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeframe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}}]}}]} as unknown as DocumentNode<PlanTaskRow_TaskFragment, unknown>;
export const ScorecardHistory_DtiFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardHistory_dti"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DtiAssessment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"mainIndicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"published"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"mainIndicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ScorecardHistory_DtiFragment, unknown>;
export const ScorecardIndex766_IndexFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardIndex766_index"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicServiceIndex766"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"maxScoreConfirmed"}}]}}]}}]} as unknown as DocumentNode<ScorecardIndex766_IndexFragment, unknown>;
export const ScorecardIndicatorRow_IndicatorFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardIndicatorRow_indicator"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DtiMainIndicatorValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"pointsConfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"collectionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dataHeldBy"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]} as unknown as DocumentNode<ScorecardIndicatorRow_IndicatorFragment, unknown>;
export const ScorecardInputRow_InputFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardInputRow_input"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DtiInput"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"indicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"sourceSystem"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"mappingIsJudgement"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"fetchedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordRef"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<ScorecardInputRow_InputFragment, unknown>;
export const ScorecardMissingRow_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardMissingRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DtiMissingItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]} as unknown as DocumentNode<ScorecardMissingRow_ItemFragment, unknown>;
export const ScorecardSummary_DtiFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardSummary_dti"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DtiAssessment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"methodology"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"}},{"kind":"Field","name":{"kind":"Name","value":"scoreNote"}},{"kind":"Field","name":{"kind":"Name","value":"scoreConfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"synthetic"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"coveredPoints"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}},{"kind":"Field","name":{"kind":"Name","value":"published"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"predecessors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ScorecardSummary_DtiFragment, unknown>;
export const SubmissionCheck_CheckFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubmissionCheck_check"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubmissionCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"indicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"systemValue"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"systemStatus"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acknowledged"}},{"kind":"Field","name":{"kind":"Name","value":"checkToken"}}]}}]} as unknown as DocumentNode<SubmissionCheck_CheckFragment, unknown>;
export const EntryQueryDocument = {"__meta__":{"hash":"sha256:1dcf547e416417601a47256ff711d5e3b7b9b916d0a093c07baf360c51118e97"}} as unknown as DocumentNode<EntryQueryQuery, EntryQueryQueryVariables>;
export const ImportPlanMutationDocument = {"__meta__":{"hash":"sha256:597321db40604603000655aa7f76f60adf7ea5c3e619023545107aefde22d08f"}} as unknown as DocumentNode<ImportPlanMutationMutation, ImportPlanMutationMutationVariables>;
export const PlansQueryDocument = {"__meta__":{"hash":"sha256:b00f80a853fb42302466e8e62162840751d6c7ab7f50268a99194db2bf7dcc78"}} as unknown as DocumentNode<PlansQueryQuery, PlansQueryQueryVariables>;
export const PreviewPlanQueryDocument = {"__meta__":{"hash":"sha256:dc51ce83e6eef87015c33ff7017e696817c169e32107149416f99a8f2353f2eb"}} as unknown as DocumentNode<PreviewPlanQueryQuery, PreviewPlanQueryQueryVariables>;
export const ProvincesQueryDocument = {"__meta__":{"hash":"sha256:0017f36b810eaf020396c2cca6e23f4fda357a448615d4a121a0863d25f7c7b1"}} as unknown as DocumentNode<ProvincesQueryQuery, ProvincesQueryQueryVariables>;
export const ReviewEntryMutationDocument = {"__meta__":{"hash":"sha256:78c7b9635ec5aa6c43e51c93e2acb98ca9a97268494f3fbd737ba79754cb9f31"}} as unknown as DocumentNode<ReviewEntryMutationMutation, ReviewEntryMutationMutationVariables>;
export const SaveEntryMutationDocument = {"__meta__":{"hash":"sha256:8fc851cd92193dbcbd899e2ea3d08be4f36e1a3fc91f3dfc1eff4e1833fed96e"}} as unknown as DocumentNode<SaveEntryMutationMutation, SaveEntryMutationMutationVariables>;
export const ScorecardQueryDocument = {"__meta__":{"hash":"sha256:f3329b8e25807d71b93b0836820e53adcceaa687bb00129d9d5004909b6ab15c"}} as unknown as DocumentNode<ScorecardQueryQuery, ScorecardQueryQueryVariables>;
export const SubmissionChecksQueryDocument = {"__meta__":{"hash":"sha256:3bfaa979cf611bbc5b6ea2d36b83f196561d17a25e9110731c1f2efa86d59985"}} as unknown as DocumentNode<SubmissionChecksQueryQuery, SubmissionChecksQueryQueryVariables>;
export const SubmitEntriesMutationDocument = {"__meta__":{"hash":"sha256:a4a013ae8936051a0a2035ecf170a406f9b6e227cf558323b3eb59ba5a1b4643"}} as unknown as DocumentNode<SubmitEntriesMutationMutation, SubmitEntriesMutationMutationVariables>;
export const UploadEvidenceFileMutationDocument = {"__meta__":{"hash":"sha256:6a8469d88afed2990e096f6f0fe2a555d32d00725eab9fd428973bcd505e30e0"}} as unknown as DocumentNode<UploadEvidenceFileMutationMutation, UploadEvidenceFileMutationMutationVariables>;