import { useFragment, type FragmentType } from '../generated/fragment-masking.ts';
import { PlanTargetRow_TargetFragmentDoc, PlanTaskRow_TaskFragmentDoc, type PlanTargetRow_TargetFragment, type UnitLevel } from '../generated/graphql.ts';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.ts';
import { StatusBadge, SystemName } from './Status.tsx';

export const LEVEL_KEY: Record<UnitLevel, MessageKey> = { PROVINCE: 'levelPROVINCE', DISTRICT: 'levelDISTRICT', COMMUNE: 'levelCOMMUNE' };

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

/** A target row as the tables show it: a stored target carries the owning system's figure, a reading does not. */
export type TargetRowData = Omit<PlanTargetRow_TargetFragment, 'actual' | ' $fragmentName'> & { readonly actual?: Actual };

/**
 * Targets as a table: text, value, year, level, linked indicator, and, with `compare`, the owning
 * system's figure and the verdict. Named by `labelledBy` (a heading outside) or by `caption`.
 */
export function TargetTable({ rows, compare, labelledBy, caption }: { rows: readonly TargetRowData[]; compare: boolean; labelledBy?: string; caption?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const bound = (min: number | null, max: number | null, unit: string): string => targetBound(i18n, min, max, unit);
  return (
    <table class="grid" aria-labelledby={labelledBy}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('target')}</th>
          <th scope="col">{t('value')}</th>
          <th scope="col">{t('targetYear')}</th>
          <th scope="col">{t('level')}</th>
          <th scope="col">{t('linkedIndicator')}</th>
          {compare && <th scope="col">{t('actual')}</th>}
          {compare && <th scope="col">{t('outcome')}</th>}
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
            {compare && (
              <td>
                {r.actual?.value === null || r.actual?.value === undefined ? t('noValue') : `${i18n.number(r.actual.value, 1)}${r.unit === 'PERCENT' ? '%' : ''}`}
                {r.actual?.source?.asOf !== undefined && r.actual?.source?.asOf !== null && <small> ({r.actual.source.asOf})</small>}
              </td>
            )}
            {compare && (
              <td>
                {t(outcome(r.actual ?? null))}
                {r.actual !== null && r.actual !== undefined && r.actual.status !== 'OK' && (
                  <>
                    {' '}
                    <StatusBadge status={r.actual.status} />
                  </>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A plan's targets, each against the owning system's figure with its provenance. */
export function PlanTargetTable({ targets, planId }: { targets: readonly FragmentType<typeof PlanTargetRow_TargetFragmentDoc>[]; planId: string }) {
  const { t } = useI18n();
  const rows = useFragment(PlanTargetRow_TargetFragmentDoc, targets);
  if (rows.length === 0) return null;
  return (
    <>
      <h3 id={`targets-${planId}`}>{t('targets')}</h3>
      <TargetTable rows={rows} compare labelledBy={`targets-${planId}`} />
    </>
  );
}

/** A task row as the tables show it: agencies already joined into words. */
export interface TaskRowData {
  readonly title: string;
  readonly lead?: string;
  readonly cooperating: string;
  readonly timeframe: string | null;
  readonly result: string | null;
}

/** Tasks as a table (title, lead where `withLead`, cooperating, timeframe, expected result). */
export function TaskTable({ rows, withLead, caption }: { rows: readonly TaskRowData[]; withLead: boolean; caption?: string }) {
  const { t } = useI18n();
  return (
    <table class="grid">
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('tasks')}</th>
          {withLead && <th scope="col">{t('lead')}</th>}
          <th scope="col">{t('cooperating')}</th>
          <th scope="col">{t('timeframe')}</th>
          <th scope="col">{t('result')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((task, i) => (
          <tr key={i}>
            <th scope="row">{task.title}</th>
            {withLead && <td>{task.lead ?? t('noValue')}</td>}
            <td>{task.cooperating}</td>
            <td>{task.timeframe ?? t('noValue')}</td>
            <td>{task.result ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A plan's tasks grouped by their lead agency, with timeframe and expected result. */
export function TasksByLead({ tasks, planId }: { tasks: readonly FragmentType<typeof PlanTaskRow_TaskFragmentDoc>[]; planId: string }) {
  const { t } = useI18n();
  const rows = useFragment(PlanTaskRow_TaskFragmentDoc, tasks);
  if (rows.length === 0) return null;
  const groups = new Map<string, TaskRowData[]>();
  for (const task of rows) {
    const lead = task.lead.map((l) => l.agency?.name ?? l.name).join(', ') || t('noValue');
    const row: TaskRowData = { title: task.title, cooperating: task.cooperating.map((c) => c.name).join(', '), timeframe: task.timeframe?.text ?? null, result: task.result };
    groups.set(lead, [...(groups.get(lead) ?? []), row]);
  }
  return (
    <>
      <h3 id={`tasks-${planId}`}>{t('tasksByLead')}</h3>
      {[...groups.entries()].map(([lead, list]) => (
        <details key={lead}>
          <summary>
            {t('lead')}: {lead} ({list.length})
          </summary>
          <TaskTable rows={list} withLead={false} />
        </details>
      ))}
    </>
  );
}

/** Budget lines by year, in đồng. */
export function BudgetTable({ budget, caption }: { budget: readonly { year: number; amountVND: number }[]; caption?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <table class="grid">
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('year')}</th>
          <th scope="col">{t('amountVND')}</th>
        </tr>
      </thead>
      <tbody>
        {budget.map((b) => (
          <tr key={b.year}>
            <th scope="row">{b.year}</th>
            <td>{i18n.number(b.amountVND, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
