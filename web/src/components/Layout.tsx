import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { currentUser, signOut } from '../auth/session.ts';
import { useI18n } from '../i18n/index.ts';

/** Page frame: skip link, title, language switch, who is signed in. */
export function Layout({ children, onSwitchLocale }: { children: ComponentChildren; onSwitchLocale: () => void }) {
  const { t } = useI18n();
  // Read on every navigation: signing in or out changes who is shown.
  const { path } = useLocation();
  const user = currentUser();
  return (
    <>
      <a class="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header class="top">
        <a class="brand" href="/">
          {t('appTitle')}
        </a>
        <nav aria-label={t('language')} class="tools">
          {user !== null && (
            <span class="user">
              {t('signedInAs')} <strong>{user.name ?? user.sub}</strong>
            </span>
          )}
          {user === null && path !== '/sign-in' && <a href={`/sign-in?returnTo=${encodeURIComponent(path)}`}>{t('signIn')}</a>}
          {user !== null && (
            <button
              type="button"
              onClick={() => {
                signOut();
                window.location.assign('/sign-in');
              }}
            >
              {t('signOut')}
            </button>
          )}
          <button type="button" onClick={onSwitchLocale}>
            {t('switchToOther')}
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
