import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { completeAuthorization } from '../auth/session.ts';
import { useI18n } from '../i18n/index.ts';

/** Where the provider sends the user back: exchange the code, then go where they were going. */
export function AuthCallback() {
  const { t } = useI18n();
  const { route } = useLocation();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    completeAuthorization(window.location.search).then(
      (to) => route(to, true),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  return error === null ? <p role="status">{t('signingIn')}</p> : <p role="alert">{error}</p>;
}
