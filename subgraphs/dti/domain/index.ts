export type {
  Catalogue,
  DtiInputCode,
  DtiInputDefinition,
  Index766Group,
  Index766Indicator,
  MainIndicator,
  Methodology,
  MethodologyCode,
  Pillar,
  ScoredItem,
  SourceSystem,
} from './catalogue.ts';
export { CATALOGUE_URL, inputsFeeding, loadCatalogue, methodologyByCode, methodologyForYear, parseCatalogue, scoredItems } from './catalogue.ts';
export type { DtiScore, IndicatorValue, ScoreContribution } from './score.ts';
export { dtiScore } from './score.ts';
export type {
  AssessDtiRequest,
  AssessedInput,
  AssessedMainIndicator,
  DtiAssessment,
  DtiInputValue,
  InputSource,
  InputStatus,
  MissingItem,
} from './assess.ts';
export { assessDti } from './assess.ts';
export type { MergedIndicatorValue } from './merge.ts';
export { averageMainIndicators } from './merge.ts';
export type { Index766GroupResult, Index766IndicatorResult, Index766Result, Index766Stats } from './index766.ts';
export { index766, index766Weights } from './index766.ts';
export type { PublishedResult, PublishedResults, PublishedYearSummary } from './published.ts';
export { loadPublished, PUBLISHED_URL, publishedResult, publishedResultsForYear, publishedSummary } from './published.ts';
