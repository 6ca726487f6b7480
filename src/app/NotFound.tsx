import { t } from '../i18n';
import { ErrorState } from '../ui/ErrorState';
import { useDocumentTitle } from '../state/title';

/** Any address the app does not know. */
export function NotFound() {
  useDocumentTitle(() => t('notFound.title'));
  return (
    <ErrorState title={t('notFound.title')}>
      <a href="/" class="button-outlined">
        {t('notFound.home')}
      </a>
    </ErrorState>
  );
}
