import { useI18n } from '../i18n/index.ts';

/** Any path the route table does not know. */
export function NotFound() {
  const { t } = useI18n();
  return (
    <p role="alert">
      {t('notFound')} — <a href="/">{t('backToProvinces')}</a>
    </p>
  );
}
