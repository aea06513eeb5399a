import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import type { Catalogue, DtiInputCode, DtiInputValue, SourceSystem } from '../domain/index.ts';
import type { Figures, SourceProvenance, UnitYearFacts } from './representation.ts';

/** An input as read from the source figures: the domain's value plus the full provenance for the user. */
export interface CollectedInput {
  readonly code: DtiInputCode;
  readonly value: number | null;
  readonly status: ProvenanceStatus;
  /** The source figure's provenance; null when the source sent nothing. */
  readonly provenance: SourceProvenance | null;
  /** Why the status is not OK, or how the value was derived; null when there is nothing to add. */
  readonly note: string | null;
  /** What `assessDti` takes. */
  readonly domain: DtiInputValue;
}

/** How each system is named to users. */
export const SYSTEM_LABEL: Record<SourceSystem, string> = {
  documents: 'document-management system (QLVBĐH)',
  services: 'public-service portal (Hệ thống thông tin giải quyết TTHC)',
  labour: 'labour-market information system',
  plans: 'plan registry',
};

interface Reading {
  readonly system: SourceSystem;
  readonly figures: Figures<{ readonly source: SourceProvenance }>;
  /** The value in the figures; only read when `figures` is an object. */
  readonly value: number | null;
  /** Derivation note (e.g. how a boolean was read). */
  readonly derivation?: string;
}

type Binding = ((facts: UnitYearFacts) => Reading) | { readonly notInGraph: string };

function read<T extends { readonly source: SourceProvenance }>(
  system: SourceSystem,
  pick: (facts: UnitYearFacts) => Figures<T>,
  value: (figures: T) => number | null,
  derivation?: string,
): (facts: UnitYearFacts) => Reading {
  return (facts) => {
    const figures = pick(facts);
    const v = figures === null || figures === undefined ? null : value(figures);
    return { system, figures, value: v, ...(derivation === undefined ? {} : { derivation }) };
  };
}

/** Where every catalogue input is read from; a new input code fails to compile until bound here. */
const BINDINGS: Record<DtiInputCode, Binding> = {
  DOC_SIGNED_DIGITALLY_RATE: read('documents', (f) => f.documents, (d) => d.signedDigitallyRate),
  DOC_SENT_ELECTRONICALLY_RATE: read('documents', (f) => f.documents, (d) => d.sentElectronicallyRate),
  WORK_RECORDS_ONLINE_RATE: read('documents', (f) => f.documents, (d) => d.workRecordsOnlineRate),
  PS_FULLY_ONLINE_PROCEDURE_RATE: read('services', (f) => f.publicServices, (s) => s.fullyOnlineProcedureRate),
  PS_ONLINE_DOSSIER_RATE: read('services', (f) => f.publicServices, (s) => s.onlineDossierRate),
  PS_ON_TIME_RATE: read('services', (f) => f.publicServices, (s) => s.onTimeRate),
  PS_DIGITISED_DOSSIER_RATE: read('services', (f) => f.publicServices, (s) => s.digitisedDossierRate),
  PS_ONLINE_PAYMENT_RATE: read('services', (f) => f.publicServices, (s) => s.onlinePaymentRate),
  LAB_TRAINED_WORKFORCE_RATE: read('labour', (f) => f.labour, (l) => l.trainedWorkforceRate),
  LAB_DIGITAL_SKILLS_RATE: read('labour', (f) => f.labour, (l) => l.digitalSkillsRate),
  PLAN_ADOPTED: read('plans', (f) => f.plans, (p) => (p.planCount > 0 ? 1 : 0), 'Read as 1 when the plan registry holds at least one plan in force by the end of the year, else 0.'),
  PLAN_TASK_COMPLETION_RATE: {
    notInGraph: 'The plan registry holds plans but no task progress the graph exposes; no connected system measures task completion yet.',
  },
};

/** Whether the graph carries a figure for the input (the catalogue's `inGraph` says the same; a test holds them together). */
export function boundInGraph(code: DtiInputCode): boolean {
  return typeof BINDINGS[code] === 'function';
}

const CARRIES_VALUE: ReadonlySet<ProvenanceStatus> = new Set(['OK', 'PARTIAL', 'STALE']);

function collect(code: DtiInputCode, binding: Binding, facts: UnitYearFacts): Omit<CollectedInput, 'domain'> {
  if (typeof binding !== 'function') return { code, value: null, status: 'NOT_COLLECTED', provenance: null, note: binding.notInGraph };
  const { system, figures, value, derivation } = binding(facts);
  const label = SYSTEM_LABEL[system];
  if (figures === undefined) {
    // Not an outage: UnitYear.dti refuses a representation without its @requires fields before reading it (contract.ts).
    throw new Error(`no ${system} figures in the representation: the @requires contract check should have refused it`);
  }
  if (figures === null) {
    return {
      code,
      value: null,
      status: 'SOURCE_UNAVAILABLE',
      provenance: null,
      note: `The ${label} did not answer for this unit-year; see the error with extensions.system "${system}".`,
    };
  }
  const provenance = figures.source;
  if (!CARRIES_VALUE.has(provenance.status)) {
    // A value beside a MISSING (or unavailable) status is not trusted: the source itself says it lacks records.
    return { code, value: null, status: provenance.status, provenance, note: provenance.note ?? `The ${label} reports ${provenance.status}.` };
  }
  if (value === null) {
    return { code, value: null, status: 'MISSING', provenance, note: provenance.note ?? `The ${label} answered but has no figure for this input (no records, or a zero denominator).` };
  }
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    return { code, value: null, status: 'MISSING', provenance, note: `The ${label} sent ${value}, outside 0..1; not used.` };
  }
  const notes = [provenance.note, derivation].filter((n): n is string => n !== null && n !== undefined);
  return { code, value, status: provenance.status, provenance, note: notes.length === 0 ? null : notes.join(' ') };
}

/** Reads every catalogue input from a unit-year's source figures, with its status and provenance. */
export function collectInputs(facts: UnitYearFacts, catalogue: Catalogue): CollectedInput[] {
  return catalogue.inputs.map((def) => {
    const c = collect(def.code, BINDINGS[def.code], facts);
    const asOf = c.provenance?.asOf ?? c.provenance?.fetchedAt;
    const domain: DtiInputValue = {
      code: c.code,
      value: c.value,
      status: c.status,
      source: {
        system: def.sourceSystem,
        ...(asOf === undefined || asOf === null ? {} : { asOf }),
        ...(c.note === null ? {} : { note: c.note }),
      },
    };
    return { ...c, domain };
  });
}
