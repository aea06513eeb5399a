import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import type { Catalogue, SourceSystem } from '../domain/index.ts';
import type { SystemsAssessment } from './assessment.ts';
import { toSourceSystemEnum } from './catalogue-view.ts';

/** What the connected systems say of one main indicator of a unit-year, without any manual entry. */
export interface SystemFigureView {
  readonly indicatorCode: string;
  /** The systems' figure (0–1); null when it could not be had (status says why). */
  readonly value: number | null;
  /** The systems whose inputs feed the indicator, as `Provenance.system` (SourceSystem), in alphabetical order. */
  readonly systems: readonly Uppercase<SourceSystem>[];
  /** @deprecated The same, comma-separated ("DOCUMENTS, SERVICES"): the field before `systems`. */
  readonly system: string;
  readonly status: ProvenanceStatus;
  /** The latest date the figures it rests on describe (or were fetched at); null when none arrived. */
  readonly asOf: string | null;
}

/**
 * For each main indicator of the year's methodology that a connected system measures (an input with
 * `inGraph` feeds it), the figure the assessment computes from the systems alone: the systems'
 * assessment `UnitYear.dti` starts from (own figures, or the predecessors' mean for a merged unit),
 * before any approved entry, so a manual value is never compared with itself.
 */
export function systemFigures(assessment: SystemsAssessment, catalogue: Catalogue): SystemFigureView[] {
  const { methodology } = assessment;
  const inGraph = catalogue.inputs.filter((i) => i.inGraph);
  return assessment.mainIndicators.flatMap((m): SystemFigureView[] => {
    if (!methodology.mainIndicators.some((d) => d.code === m.code)) return [];
    const feeding = inGraph.filter((i) => i.feeds.includes(m.code));
    if (feeding.length === 0) return [];
    const codes: ReadonlySet<string> = new Set(feeding.map((i) => i.code));
    const dates = assessment.inputs
      .filter((i) => codes.has(i.indicator.code) && i.source !== null)
      .map((i) => i.source?.asOf ?? i.source?.fetchedAt ?? null)
      .filter((d): d is string => d !== null)
      .sort();
    const systems = [...new Set(feeding.map((i) => toSourceSystemEnum(i.sourceSystem)))].sort();
    return [
      {
        indicatorCode: m.code,
        value: m.value,
        systems,
        system: systems.join(', '),
        status: m.status,
        asOf: dates.at(-1) ?? null,
      },
    ];
  });
}
