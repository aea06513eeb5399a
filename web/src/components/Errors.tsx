import type { GraphQLErrorInfo } from '../graphql/client.ts';
import { useI18n } from '../i18n/index.ts';

/** The whole query failed: say so, with the reason, and offer to try again. */
export function QueryFailure({ message, code, onRetry }: { message: string; code: string | null; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" class="alert">
      <p>
        {code === 'FORBIDDEN' ? t('forbidden') : t('errorLoading')}: {message}
      </p>
      <button type="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}

/** Part of the answer is missing: list which part and which system, never hide it. */
export function PartialErrors({ errors }: { errors: readonly GraphQLErrorInfo[] }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  const distinct = [...new Map(errors.map((e) => [`${e.code ?? ''}|${e.system ?? ''}|${e.message}`, e])).values()];
  return (
    <div role="status" class="alert warn">
      <p>{t('partialAnswer')}</p>
      <ul>
        {distinct.slice(0, 10).map((e) => (
          <li>
            {e.system !== null && <strong>{e.system}: </strong>}
            {e.message}
            {e.code !== null && <code> ({e.code})</code>}
          </li>
        ))}
      </ul>
    </div>
  );
}
