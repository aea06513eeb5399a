import { useFragment, type FragmentType } from '../generated/fragment-masking.ts';
import { ScorecardIndex766_IndexFragmentDoc } from '../generated/graphql.ts';
import { useI18n } from '../i18n/index.ts';
import { StatusBadge, Value } from './Status.tsx';

/** The 766/QĐ-TTg public-service index estimate: never official, flags kept. */
export function Index766Panel({ index }: { index: FragmentType<typeof ScorecardIndex766_IndexFragmentDoc> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ix = useFragment(ScorecardIndex766_IndexFragmentDoc, index);
  return (
    <section aria-labelledby="i766-title">
      <h2 id="i766-title">{t('index766')}</h2>
      <p>
        {t('score')}: <Value value={ix.score} estimate={ix.estimate} unconfirmed={!ix.confirmed} /> / {ix.maxScore} — <StatusBadge status={ix.status} />
      </p>
      <p>{ix.reason}</p>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('group')}</th>
            <th scope="col">{t('score')}</th>
            <th scope="col">{t('maxPoints')}</th>
          </tr>
        </thead>
        <tbody>
          {ix.groups.map((g) => (
            <tr key={g.code}>
              <th scope="row">
                {g.code}. {i18n.locale === 'vi' ? g.name : g.nameEn}
              </th>
              <td>
                <Value value={g.score} />
              </td>
              <td>
                <Value value={g.maxScore} unconfirmed={!g.maxScoreConfirmed} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
