import { BadUserInputError } from '../../../lib/errors/index.ts';
import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import { index766 } from '../domain/index.ts';
import type { Catalogue, Index766Result, Index766Stats } from '../domain/index.ts';
import { SYSTEM_LABEL } from './inputs.ts';
import type { Counts766Facts, PublicServicesFacts, SourceProvenance, UnitYearFacts } from './representation.ts';

/**
 * How the portal's counts stand in for the 766 statistics (our judgement): dossiers resolved for
 * dossiers handled (2.1 also counts dossiers still in progress), fully plus partly online procedures
 * for procedures with an online service (3.1). Everything else 766 needs is not in PublicServiceStats
 * and is reported missing per indicator.
 */
export const INDEX766_MAPPING_NOTE =
  'Computed from the public-service portal counts in the graph: 2.1 uses resolved dossiers as the handled dossiers (the official ' +
  'denominator also counts dossiers in progress), 3.1 counts fully plus partly online procedures; indicators whose counts the ' +
  'portal subgraph does not expose are missing.';

/** How the national portal's 766 counts fill the statistics: one count per formula term, no stand-ins. */
export const INDEX766_COUNTS_NOTE =
  'Computed from the national public-service portal\'s 766 counts (thongke_chitieu_766_tinh_thang_service): every formula term is a count the portal reports.';

/** The 766 statistics from the portal's 766 counts, or why they cannot be formed. */
function statsOfCounts(facts: UnitYearFacts, c: Counts766Facts): Index766Stats | string {
  const { proceduresTotal: total, dossiersReceived: received, dossiersHandled: handled } = c;
  if (total === null || received === null || handled === null) return 'the portal sent no procedure total, dossiers received or dossiers handled';
  return {
    unitCode: facts.code,
    year: facts.year,
    procedures: {
      total,
      announced: c.proceduresAnnounced,
      announcedOnTime: c.proceduresAnnouncedOnTime,
      publicisationRequired: c.proceduresPublicisationRequired,
      publicisedOnTime: c.proceduresPublicisedOnTime,
      published: c.proceduresPublished,
      publishedComplete: c.proceduresPublishedComplete,
      withOnlineService: c.proceduresWithOnlineService,
      onlineServices: c.onlineServices,
      onlineServicesWithDossiers: c.onlineServicesWithDossiers,
      feeBearing: c.proceduresFeeBearing,
      feeBearingWithOnlinePayment: c.proceduresFeeBearingWithOnlinePayment,
    },
    dossiers: {
      received,
      handled,
      handledOnTime: c.dossiersHandledOnTime,
      syncedToNationalPortal: c.dossiersSyncedToNationalPortal,
      receivedOnline: c.dossiersReceivedOnline,
      completed: c.dossiersCompleted,
      totalProcessingDays: c.totalProcessingDays,
      feeBearing: c.dossiersFeeBearing,
      feeBearingZeroAmount: c.dossiersFeeBearingZeroAmount,
      paidOnline: c.dossiersPaidOnline,
      writtenResultRequired: c.dossiersWrittenResultRequired,
      electronicResult: c.dossiersElectronicResult,
      digitised: c.dossiersDigitised,
      reusedDigitisedData: c.dossiersReusedDigitisedData,
      linkedToCitizenData: c.dossiersLinkedToCitizenData,
      forCitizens: c.dossiersForCitizens,
      usingPopulationData: c.dossiersUsingPopulationData,
      withComplaintOrDislike: c.dossiersWithComplaintOrDislike,
    },
    feedback: {
      total: c.feedbackTotal,
      classified: c.feedbackClassified,
      handledOnTime: c.feedbackHandledOnTime,
      dissatisfiedOrOverdue: c.feedbackDissatisfiedOrOverdue,
    },
  };
}

/** What the 766 statistics need that the portal must send; without these no indicator can be placed. */
function statsOf(facts: UnitYearFacts, s: PublicServicesFacts): Index766Stats | string {
  const { proceduresTotal: total, dossiersReceived: received, dossiersResolved: handled } = s;
  if (total === null || received === null || handled === null) {
    const absent = Object.entries({ proceduresTotal: total, dossiersReceived: received, dossiersResolved: handled }).filter(([, v]) => v === null);
    return `the portal sent no ${absent.map(([k]) => k).join(', ')}`;
  }
  const { proceduresFullyOnline: full, proceduresPartlyOnline: part } = s;
  return {
    unitCode: facts.code,
    year: facts.year,
    procedures: {
      total,
      published: s.proceduresPublished,
      withOnlineService: full === null || part === null ? null : full + part,
    },
    dossiers: {
      received,
      handled,
      handledOnTime: s.dossiersResolvedOnTime,
      receivedOnline: s.dossiersOnline,
      digitised: s.dossiersDigitised,
      feeBearing: s.dossiersWithFees,
      paidOnline: s.dossiersPaidOnline,
    },
  };
}

function view(status: ProvenanceStatus, source: SourceProvenance | null, reason: string, result: Index766Result | null, catalogue: Catalogue) {
  const groups =
    result === null
      ? catalogue.index766.groups.map((g) => ({ code: g.code, name: g.nameVi, nameEn: g.nameEn, score: null, maxScore: g.maxPoints, maxScoreConfirmed: g.confirmed, completeness: null, conflicts: g.conflicts }))
      : result.groups.map((g) => ({ code: g.code, name: g.nameVi, nameEn: g.nameEn, score: g.coveredPoints === 0 ? null : g.points, maxScore: g.maxPoints, maxScoreConfirmed: g.maxPointsConfirmed, completeness: g.completeness, conflicts: g.conflicts }));
  return {
    score: result?.points ?? null,
    maxScore: catalogue.index766.totalPoints,
    completeness: result?.completeness ?? null,
    confirmed: false,
    estimate: true,
    status,
    reason,
    groups,
    indicators: (result?.indicators ?? []).map((i) => ({
      code: i.code,
      group: i.group,
      name: i.nameVi,
      nameEn: i.nameEn,
      unit: i.unit === 'days' ? 'DAYS' : 'FRACTION',
      value: i.value,
      attainment: i.attainment,
      points: i.points,
      weight: i.weight,
      weightConfirmed: i.weightConfirmed,
      formulaConfirmed: i.formulaConfirmed,
      missingReason: i.missingReason,
      note: i.note,
    })),
    source,
    citation: catalogue.index766.citation,
  };
}

/** The 766/QĐ-TTg index estimate of a unit-year from the portal's counts; never official, and null-scored when the counts are absent. */
export function publicServiceIndex766(facts: UnitYearFacts, catalogue: Catalogue) {
  const c = facts.publicServiceIndexCounts;
  // The 766 counts when the portal has them; otherwise the monthly statistics' stand-ins, as before.
  if (c !== null && c !== undefined && (c.source.status === 'OK' || c.source.status === 'PARTIAL' || c.source.status === 'STALE')) {
    const stats = statsOfCounts(facts, c);
    if (typeof stats === 'string') return view('MISSING', c.source, `No 766 estimate: ${stats}.`, null, catalogue);
    try {
      const result = index766(stats, catalogue);
      return view(c.source.status, c.source, `${result.reason} ${INDEX766_COUNTS_NOTE}`, result, catalogue);
    } catch (e: unknown) {
      if (e instanceof BadUserInputError) return view('MISSING', c.source, `No 766 estimate: the portal's counts are inconsistent (${e.message}).`, null, catalogue);
      throw e;
    }
  }
  const s = facts.publicServices;
  if (s === null || s === undefined) {
    return view('SOURCE_UNAVAILABLE', null, `The ${SYSTEM_LABEL.services} did not answer for this unit-year; see the error with extensions.system "services".`, null, catalogue);
  }
  if (s.source.status === 'MISSING' || s.source.status === 'SOURCE_UNAVAILABLE' || s.source.status === 'NOT_COLLECTED') {
    return view(s.source.status, s.source, s.source.note ?? `The ${SYSTEM_LABEL.services} reports ${s.source.status}.`, null, catalogue);
  }
  const stats = statsOf(facts, s);
  if (typeof stats === 'string') return view('MISSING', s.source, `No 766 estimate: ${stats}.`, null, catalogue);
  try {
    const result = index766(stats, catalogue);
    return view(s.source.status, s.source, `${result.reason} ${INDEX766_MAPPING_NOTE}`, result, catalogue);
  } catch (e: unknown) {
    // Counts that contradict each other (a numerator above its denominator) are the source's fault, not the user's.
    if (e instanceof BadUserInputError) return view('MISSING', s.source, `No 766 estimate: the portal's counts are inconsistent (${e.message}).`, null, catalogue);
    throw e;
  }
}

/** The 766 index as the schema shows it. */
export type PublicServiceIndex766View = ReturnType<typeof publicServiceIndex766>;
