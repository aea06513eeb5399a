import type { PublicServiceStats as Stats } from '../upstream/loaders.ts';
import { portalSource } from './source.ts';

/** `PublicServiceStats` fields: the domain figures under their GraphQL names. */
export const PublicServiceStats = {
  source: (s: Stats) => portalSource(s),
  proceduresTotal: (s: Stats) => s.procedures.total,
  proceduresPublished: (s: Stats) => s.procedures.published,
  proceduresFullyOnline: (s: Stats) => s.procedures.fullyOnline,
  proceduresPartlyOnline: (s: Stats) => s.procedures.partlyOnline,
  dossiersReceived: (s: Stats) => s.dossiers.received,
  dossiersOnline: (s: Stats) => s.dossiers.online,
  dossiersResolved: (s: Stats) => s.dossiers.resolved,
  dossiersResolvedOnTime: (s: Stats) => s.dossiers.resolvedOnTime,
  dossiersResolvedLate: (s: Stats) => s.dossiers.resolvedLate,
  dossiersDigitised: (s: Stats) => s.dossiers.digitised,
  dossiersWithFees: (s: Stats) => s.dossiers.withFees,
  dossiersPaidOnline: (s: Stats) => s.dossiers.paidOnline,
  satisfactionVotes: (s: Stats) => s.dossiers.satisfactionVotes,
  satisfiedVotes: (s: Stats) => s.dossiers.satisfiedVotes,
  fullyOnlineProcedureRate: (s: Stats) => s.rates.fullyOnlineProcedureRate,
  onlineDossierRate: (s: Stats) => s.rates.onlineDossierRate,
  onTimeRate: (s: Stats) => s.rates.onTimeRate,
  digitisedDossierRate: (s: Stats) => s.rates.digitisedDossierRate,
  onlinePaymentRate: (s: Stats) => s.rates.onlinePaymentRate,
  satisfactionRate: (s: Stats) => s.rates.satisfactionRate,
};
