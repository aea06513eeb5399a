import type { ProvenanceStatus, SourceSystem } from '../generated/graphql.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';

const STATUS_KEY: Record<ProvenanceStatus, MessageKey> = {
  OK: 'statusOK',
  PARTIAL: 'statusPARTIAL',
  MISSING: 'statusMISSING',
  STALE: 'statusSTALE',
  SOURCE_UNAVAILABLE: 'statusSOURCE_UNAVAILABLE',
  NOT_COLLECTED: 'statusNOT_COLLECTED',
};

const SYSTEM_KEY: Record<SourceSystem, MessageKey> = {
  PLANS: 'systemPLANS',
  DOCUMENTS: 'systemDOCUMENTS',
  SERVICES: 'systemSERVICES',
  LABOUR: 'systemLABOUR',
  MANUAL: 'systemMANUAL',
};

/** A provenance status as words (colour only repeats what the words say). */
export function StatusBadge({ status }: { status: ProvenanceStatus }) {
  const { t } = useI18n();
  return <span class={`badge badge-${status.toLowerCase()}`}>{t(STATUS_KEY[status])}</span>;
}

/** A source system's name in the current language. */
export function SystemName({ system }: { system: SourceSystem }) {
  const { t } = useI18n();
  return <>{t(SYSTEM_KEY[system])}</>;
}

/** Worst-first order of statuses, to summarise a system's inputs in one badge. */
export const STATUS_SEVERITY: Record<ProvenanceStatus, number> = {
  OK: 0,
  NOT_COLLECTED: 1,
  STALE: 2,
  PARTIAL: 3,
  MISSING: 4,
  SOURCE_UNAVAILABLE: 5,
};

/** Formats a 0–1 value (or shows a dash), with the flags the API carries. */
export function Value({ value, percent = false, estimate = false, unconfirmed = false }: { value: number | null | undefined; percent?: boolean; estimate?: boolean; unconfirmed?: boolean }) {
  const i18n = useI18n();
  if (value === null || value === undefined) return <span aria-label={i18n.t('noValue')}>{i18n.t('noValue')}</span>;
  return (
    <span>
      {percent ? i18n.percent(value) : i18n.number(value)}
      {estimate && <small class="flag"> ({i18n.t('estimate')})</small>}
      {unconfirmed && <small class="flag"> ({i18n.t('unconfirmed')})</small>}
    </span>
  );
}
