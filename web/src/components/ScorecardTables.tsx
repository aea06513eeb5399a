import { useFragment, type FragmentType } from '../generated/fragment-masking.ts';
import { ScorecardIndicatorRow_IndicatorFragmentDoc, ScorecardInputRow_InputFragmentDoc, ScorecardMissingRow_ItemFragmentDoc } from '../generated/graphql.ts';
import { useI18n } from '../i18n/index.ts';
import { StatusBadge, SystemName, Value } from './Status.tsx';

/** Main indicators: value, points (with their confirmation), status and who holds the data. */
export function IndicatorTable({ indicators }: { indicators: readonly FragmentType<typeof ScorecardIndicatorRow_IndicatorFragmentDoc>[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = useFragment(ScorecardIndicatorRow_IndicatorFragmentDoc, indicators);
  return (
    <section aria-labelledby="main-title">
      <h2 id="main-title">{t('mainIndicators')}</h2>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('code')}</th>
            <th scope="col">{t('indicator')}</th>
            <th scope="col">{t('value')}</th>
            <th scope="col">{t('maxPoints')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('heldBy')}</th>
            <th scope="col">{t('note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.code}>
              <td>{m.code}</td>
              <th scope="row" lang={i18n.locale}>
                {i18n.locale === 'vi' ? m.name : m.nameEn}
                {!m.confirmed && <small class="flag"> ({t('unconfirmed')})</small>}
              </th>
              <td>
                <Value value={m.value} estimate={m.estimate} />
              </td>
              <td>{m.maxPoints === null ? <span class="flag">{t('unconfirmed')}</span> : <Value value={m.maxPoints} unconfirmed={!m.pointsConfirmed} />}</td>
              <td>
                <StatusBadge status={m.status} />
              </td>
              <td>{m.dataHeldBy}</td>
              <td>{m.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** What is still missing and which body holds it: the team's to-do list. */
export function MissingList({ items }: { items: readonly FragmentType<typeof ScorecardMissingRow_ItemFragmentDoc>[] }) {
  const { t } = useI18n();
  const rows = useFragment(ScorecardMissingRow_ItemFragmentDoc, items);
  return (
    <section aria-labelledby="todo-title">
      <h2 id="todo-title">{t('todo')}</h2>
      {rows.length === 0 ? (
        <p>{t('todoEmpty')}</p>
      ) : (
        <ul class="todo">
          {rows.map((m) => (
            <li key={`${m.kind}-${m.code}`}>
              <strong>{m.code}</strong> <StatusBadge status={m.status} /> — {m.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Inputs from the connected systems, each with its provenance. */
export function InputTable({ inputs }: { inputs: readonly FragmentType<typeof ScorecardInputRow_InputFragmentDoc>[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = useFragment(ScorecardInputRow_InputFragmentDoc, inputs);
  return (
    <section aria-labelledby="inputs-title">
      <h2 id="inputs-title">{t('inputs')}</h2>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('indicator')}</th>
            <th scope="col">{t('value')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('source')}</th>
            <th scope="col">{t('asOf')}</th>
            <th scope="col">{t('note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.indicator.code}>
              <th scope="row">
                {i18n.locale === 'vi' ? r.indicator.name : r.indicator.nameEn}
                {(!r.indicator.confirmed || r.indicator.mappingIsJudgement) && <small class="flag"> ({t('unconfirmed')})</small>}
              </th>
              <td>
                <Value value={r.value} percent={r.indicator.unit === 'FRACTION'} />
              </td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>
                <SystemName system={r.indicator.sourceSystem} />
              </td>
              <td>{r.source?.asOf ?? t('noValue')}</td>
              <td>{r.note ?? r.source?.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
