import { A } from '@solidjs/router';
import { t } from '../i18n';
import { useDocumentTitle } from './title';

/** Any address the app does not know. */
export function NotFound() {
  useDocumentTitle(() => t('notFound.title'));
  return (
    <section class="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <A href="/">{t('notFound.home')}</A>
      </p>
    </section>
  );
}
