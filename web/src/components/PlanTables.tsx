import { useFragment, type FragmentType } from '../generated/fragment-masking.ts';
import { PlanTargetRow_TargetFragmentDoc, PlanTaskRow_TaskFragmentDoc, type PlanTargetRow_TargetFragment, type UnitLevel } from '../generated/graphql.ts';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.ts';
import { StatusBadge, SystemName } from './Status.tsx';

const LEVEL_KEY: Record<UnitLevel, MessageKey> = { PROVINCE: 'levelPROVINCE', DISTRICT: 'levelDISTRICT', COMMUNE: 'levelCOMMUNE' };

type Actual = PlanTargetRow_TargetFragment['actual'];

/** Met, behind, not measurable, source unavailable, not yet due: the verdict the figures support, nothing more. */
function outcome(actual: Actual): MessageKey {
  if (actual === null) return 'outcomeNotMeasurable';
  if (actual.status === 'SOURCE_UNAVAILABLE') return 'outcomeUnavailable';
  if (actual.met === true) return 'outcomeMet';
  if (actual.met === false) return actual.due === false ? 'outcomeNotDue' : 'outcomeBehind';
  return 'outcomeNotMeasurable';
}

/** A target's value as the plan states it: one value, a range, a floor (≥) or a ceiling (≤). */
export function targetBound(i18n: I18n, min: number | null, max: number | null, unit: string): string {
  const suffix = unit === 'PERCENT' ? '%' : '';
  if (min !== null && max !== null && min === max) return `${i18n.number(min)}${suffix}`;
  if (min !== null && max !== null) return `${i18n.number(min)}–${i18n.number(max)}${suffix}`;
  if (min !== null) return `≥ ${i18n.number(min)}${suffix}`;
  if (max !== null) return `≤ ${i18n.number(max)}${suffix}`;
  return i18n.t('noValue');
}

/** A plan's targets, each against the owning system's figure with its provenance. */
export function PlanTargetTable({ targets, planId }: { targets: readonly FragmentType<typeof PlanTargetRow_TargetFragmentDoc>[]; planId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = useFragment(PlanTargetRow_TargetFragmentDoc, targets);
  if (rows.length === 0) return null;
  const bound = (min: number | null, max: number | null, unit: string): string => targetBound(i18n, min, max, unit);
  return (
    <>
      <h3 id={`targets-${planId}`}>{t('targets')}</h3>
      <table class="grid" aria-labelledby={`targets-${planId}`}>
        <thead>
          <tr>
            <th scope="col">{t('target')}</th>
            <th scope="col">{t('value')}</th>
            <th scope="col">{t('targetYear')}</th>
            <th scope="col">{t('level')}</th>
            <th scope="col">{t('linkedIndicator')}</th>
            <th scope="col">{t('actual')}</th>
            <th scope="col">{t('outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.text}</th>
              <td>{bound(r.min, r.max, r.unit)}</td>
              <td>{r.targetYear ?? t('noValue')}</td>
              <td>{r.level === null ? t('noValue') : t(LEVEL_KEY[r.level])}</td>
              <td>
                {r.indicator === null ? (
                  <small>{t('notLinked')}</small>
                ) : (
                  <>
                    {i18n.locale === 'vi' ? r.indicator.name : r.indicator.nameEn} (<SystemName system={r.indicator.sourceSystem} />)
                    {!r.indicator.confirmed && <small class="flag"> ({t('unconfirmed')})</small>}
                  </>
                )}
              </td>
              <td>
                {r.actual?.value === null || r.actual?.value === undefined ? t('noValue') : `${i18n.number(r.actual.value, 1)}${r.unit === 'PERCENT' ? '%' : ''}`}
                {r.actual?.source?.asOf !== undefined && r.actual?.source?.asOf !== null && <small> ({r.actual.source.asOf})</small>}
              </td>
              <td>
                {t(outcome(r.actual))}
                {r.actual !== null && r.actual.status !== 'OK' && (
                  <>
                    {' '}
                    <StatusBadge status={r.actual.status} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A plan's tasks grouped by their lead agency, with timeframe and expected result. */
export function TasksByLead({ tasks, planId }: { tasks: readonly FragmentType<typeof PlanTaskRow_TaskFragmentDoc>[]; planId: string }) {
  const { t } = useI18n();
  const rows = useFragment(PlanTaskRow_TaskFragmentDoc, tasks);
  if (rows.length === 0) return null;
  const groups = new Map<string, typeof rows>();
  for (const task of rows) {
    const lead = task.lead.map((l) => l.agency?.name ?? l.name).join(', ') || t('noValue');
    groups.set(lead, [...(groups.get(lead) ?? []), task]);
  }
  return (
    <>
      <h3 id={`tasks-${planId}`}>{t('tasksByLead')}</h3>
      {[...groups.entries()].map(([lead, list]) => (
        <details key={lead}>
          <summary>
            {t('lead')}: {lead} ({list.length})
          </summary>
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">{t('tasks')}</th>
                <th scope="col">{t('cooperating')}</th>
                <th scope="col">{t('timeframe')}</th>
                <th scope="col">{t('result')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((task, i) => (
                <tr key={i}>
                  <th scope="row">{task.title}</th>
                  <td>{task.cooperating.map((c) => c.name).join(', ')}</td>
                  <td>{task.timeframe?.text ?? t('noValue')}</td>
                  <td>{task.result ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </>
  );
}
