import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { beginAuthorization, webConfig } from '../auth/session.ts';
import { useI18n } from '../i18n/index.ts';

/** Sign-in: the OpenID provider's own page does the asking (authorization code with PKCE). */
export function SignIn() {
  const { t } = useI18n();
  const { query } = useLocation();
  const returnTo = query['returnTo'] ?? '/';
  const [available, setAvailable] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    webConfig().then(
      (c) => setAvailable(c.oidc !== null),
      () => setAvailable(false),
    );
  }, []);
  return (
    <section aria-labelledby="signin-title" class="signin">
      <h1 id="signin-title">{t('signIn')}</h1>
      <p>{t('signInIntro')}</p>
      {available === false && <p role="alert">{t('signInUnavailable')}</p>}
      {error !== null && <p role="alert">{error}</p>}
      <button type="button" disabled={available !== true} onClick={() => beginAuthorization(returnTo).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))}>
        {t('signIn')}
      </button>
    </section>
  );
}
