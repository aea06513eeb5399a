import { useLocation } from 'preact-iso';
import { useMemo, useState } from 'preact/hooks';
import { StatusBadge, STATUS_SEVERITY, SystemName, Value } from '../components/Status.tsx';
import { QueryFailure, PartialErrors } from '../components/Errors.tsx';
import { ProvincesQueryDocument, type ProvenanceStatus, type SourceSystem } from '../generated/graphql.ts';
import { useQuery } from '../graphql/useQuery.ts';
import { useI18n } from '../i18n/index.ts';
import { asOfForYear, latestYear, parseYear, selectableYears } from './params.ts';

type SortKey = 'name' | 'score' | 'completeness' | 'rank';
const SYSTEMS: readonly SourceSystem[] = ['DOCUMENTS', 'SERVICES', 'LABOUR', 'PLANS', 'MANUAL'];

/** Every province for a DTI year: score so far, completeness, each source's status, published result. */
export function Provinces() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const year = parseYear(location.query['year'], latestYear() - 1);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [state, reload] = useQuery(ProvincesQueryDocument, { asOf: asOfForYear(year), year });

  const rows = useMemo(() => {
    if (state.kind !== 'done') return [];
    const needle = filter.trim().normalize('NFC').toLocaleLowerCase('vi');
    // Units outside the caller's scope come back FORBIDDEN one by one: they are not the caller's to list.
    const withheld = new Set(state.result.errors.filter((e) => e.code === 'FORBIDDEN' && e.path[0] === 'units').map((e) => e.path[1]));
    const all = (state.result.data?.units ?? []).filter((_u, i) => !withheld.has(i)).map((u) => {
      const dti = u.year?.dti ?? null;
      const systems = new Map<SourceSystem, ProvenanceStatus>();
      for (const input of dti?.inputs ?? []) {
        const prev = systems.get(input.indicator.sourceSystem);
        if (prev === undefined || STATUS_SEVERITY[input.status] > STATUS_SEVERITY[prev]) systems.set(input.indicator.sourceSystem, input.status);
      }
      return { unit: u, dti, systems };
    });
    const filtered = all.filter((r) => needle === '' || r.unit.name.toLocaleLowerCase('vi').includes(needle) || r.unit.code.includes(needle));
    const num = (v: number | null | undefined, missing: number): number => (v === null || v === undefined ? missing : v);
    const by: Record<SortKey, (a: (typeof filtered)[number], b: (typeof filtered)[number]) => number> = {
      name: (a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'),
      score: (a, b) => num(b.dti?.score, -1) - num(a.dti?.score, -1),
      completeness: (a, b) => num(b.dti?.completeness, -1) - num(a.dti?.completeness, -1),
      rank: (a, b) => num(a.dti?.published?.rank, 999) - num(b.dti?.published?.rank, 999),
    };
    return filtered.sort(by[sort]);
  }, [state, filter, sort]);

  return (
    <section aria-labelledby="provinces-title">
      <h1 id="provinces-title">
        {t('provinces')} — {t('dtiYear')} {year}
      </h1>
      <p>{t('provincesIntro')}</p>
      <form class="controls" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('dtiYear')}
          <select value={String(year)} onChange={(e) => location.route(`/?year=${e.currentTarget.value}`)}>
            {selectableYears().map((y) => (
              <option value={String(y)}>{y}</option>
            ))}
          </select>
        </label>
        <label>
          {t('filter')}
          <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
        <label>
          {t('sortBy')}
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value === 'score' ? 'score' : e.currentTarget.value === 'completeness' ? 'completeness' : e.currentTarget.value === 'rank' ? 'rank' : 'name')}>
            <option value="name">{t('sortName')}</option>
            <option value="score">{t('sortScore')}</option>
            <option value="completeness">{t('sortCompleteness')}</option>
            <option value="rank">{t('sortRank')}</option>
          </select>
        </label>
      </form>
      {state.kind === 'loading' && <p role="status">{t('loading')}</p>}
      {state.kind === 'failed' && <QueryFailure message={state.message} code={state.code} onRetry={reload} />}
      {state.kind === 'done' && (
        <>
          <PartialErrors errors={state.result.errors.filter((e) => e.code !== 'FORBIDDEN')} />
          <table class="grid">
            <caption>
              {t('provincesCount')}: {rows.length}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('code')}</th>
                <th scope="col">{t('unitName')}</th>
                <th scope="col">{t('scoreSoFar')}</th>
                <th scope="col">{t('completeness')}</th>
                {SYSTEMS.map((s) => (
                  <th scope="col">
                    <SystemName system={s} />
                  </th>
                ))}
                <th scope="col">{t('publishedScore')}</th>
                <th scope="col">{t('publishedRank')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ unit, dti, systems }) => (
                <tr key={unit.id}>
                  <td>{unit.code}</td>
                  <th scope="row">
                    <a href={`/scorecard/${encodeURIComponent(unit.id)}/${year}`}>{unit.name}</a>
                    {!unit.confirmed && <small class="flag"> ({t('unconfirmed')})</small>}
                  </th>
                  <td>
                    <Value value={dti?.score} estimate={dti?.estimate ?? false} />
                  </td>
                  <td>
                    <Value value={dti?.completeness} percent />
                  </td>
                  {SYSTEMS.map((s) => {
                    const status = systems.get(s);
                    return <td>{status === undefined ? t('noValue') : <StatusBadge status={status} />}</td>;
                  })}
                  <td>
                    <Value value={dti?.published?.score} unconfirmed={dti?.published?.confirmed === false} />
                  </td>
                  <td>{dti?.published?.rank ?? t('noValue')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
