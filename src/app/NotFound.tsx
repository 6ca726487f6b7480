import { A } from '@solidjs/router';
import { t } from '../i18n';
import { ErrorState } from '../ui/States';
import { useDocumentTitle } from './title';

/** Any address the app does not know. */
export function NotFound() {
  useDocumentTitle(() => t('notFound.title'));
  return (
    <ErrorState title={t('notFound.title')}>
      <A href="/" class="button-outlined">
        {t('notFound.home')}
      </A>
    </ErrorState>
  );
}
