import { LocationProvider, Route, Router } from 'preact-iso';
import { useState } from 'preact/hooks';
import { Layout } from './components/Layout.tsx';
import { i18nFor, I18nContext, type Locale } from './i18n/index.ts';
import { AuthCallback } from './routes/callback.tsx';
import { Entry } from './routes/entry.tsx';
import { Review } from './routes/review.tsx';
import { NotFound } from './routes/not-found.tsx';
import { Plans } from './routes/plans.tsx';
import { Provinces } from './routes/provinces.tsx';
import { Scorecard } from './routes/scorecard.tsx';
import { SignIn } from './routes/sign-in.tsx';

const LOCALE_KEY = 'dti.locale';

function initialLocale(): Locale {
  return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';
}

/** The route table: wiring only. */
export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const switchLocale = (): void => {
    const next: Locale = locale === 'vi' ? 'en' : 'vi';
    localStorage.setItem(LOCALE_KEY, next);
    document.documentElement.lang = next;
    setLocale(next);
  };
  return (
    <I18nContext.Provider value={i18nFor(locale)}>
      <LocationProvider>
        <Layout onSwitchLocale={switchLocale}>
          <Router>
            <Route path="/" component={Provinces} />
            <Route path="/scorecard/:unitId/:year" component={Scorecard} />
            <Route path="/plans/:unitId/:year" component={Plans} />
            <Route path="/entry/:unitId/:year" component={Entry} />
            <Route path="/review/:unitId/:year" component={Review} />
            <Route path="/sign-in" component={SignIn} />
            <Route path="/auth/callback" component={AuthCallback} />
            <Route default component={NotFound} />
          </Router>
        </Layout>
      </LocationProvider>
    </I18nContext.Provider>
  );
}
