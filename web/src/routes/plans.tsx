import { useRoute } from 'preact-iso';
import { PartialErrors, QueryFailure } from '../components/Errors.tsx';
import { BudgetTable, PlanTargetTable, TasksByLead } from '../components/PlanTables.tsx';
import { PlanUpload } from '../components/PlanUpload.tsx';
import { PlansQueryDocument } from '../generated/graphql.ts';
import { useQuery } from '../graphql/useQuery.ts';
import { useI18n } from '../i18n/index.ts';
import { latestYear, parseYear } from './params.ts';

/** A unit's plans: targets against the owning system's figure, tasks by lead agency and timeframe, budget by year; and the upload of a new one. */
export function Plans() {
  const i18n = useI18n();
  const { t } = i18n;
  const { params } = useRoute();
  const unitId = decodeURIComponent(params['unitId'] ?? '');
  const year = parseYear(params['year'], latestYear() - 1);
  const [state, reload] = useQuery(PlansQueryDocument, { id: unitId, year });
  if (state.kind === 'loading') return <p role="status">{t('loading')}</p>;
  if (state.kind === 'failed') return <QueryFailure message={state.message} code={state.code} onRetry={reload} />;
  const unit = state.result.data?.unitById ?? null;
  if (unit === null) return <p role="alert">{t('notFound')}</p>;
  return (
    <article aria-labelledby="plans-title">
      <p>
        <a href={`/scorecard/${encodeURIComponent(unit.id)}/${year}`}>← {t('scorecard')}</a>
      </p>
      <h1 id="plans-title">
        {t('plansOf')} {unit.name} ({unit.code})
      </h1>
      <p>
        {t('comparedIn')} {year}
      </p>
      <PartialErrors errors={state.result.errors} />
      {unit.plans.length === 0 && <p>{t('noPlans')}</p>}
      {unit.plans.map((plan) => (
        <section key={plan.id} aria-labelledby={`plan-${plan.id}`} class="plan">
          <h2 id={`plan-${plan.id}`}>
            {plan.symbol}
            {plan.title !== null && ` — ${plan.title}`}
          </h2>
          <dl class="meta">
            <dt>{t('issuer')}</dt>
            <dd>{plan.issuer}</dd>
            <dt>{t('issuedOn')}</dt>
            <dd>{plan.issuedOn}</dd>
            {plan.legalBasis.length > 0 && (
              <>
                <dt>{t('legalBasis')}</dt>
                <dd>{plan.legalBasis.join('; ')}</dd>
              </>
            )}
          </dl>
          <PlanTargetTable targets={plan.targets} planId={plan.id} />
          <TasksByLead tasks={plan.tasks} planId={plan.id} />
          {(plan.budget.length > 0 || plan.budgetTotalVND !== null) && (
            <>
              <h3>{t('budgetByYear')}</h3>
              <BudgetTable budget={plan.budget} />
              {plan.budgetTotalVND !== null && (
                <p>
                  {t('budgetTotal')}: {i18n.number(plan.budgetTotalVND, 0)}
                </p>
              )}
            </>
          )}
        </section>
      ))}
      <PlanUpload unitCode={unit.code} onSaved={reload} />
    </article>
  );
}
