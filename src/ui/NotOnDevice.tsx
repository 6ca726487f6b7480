import { A } from '@solidjs/router';
import { t } from '../i18n';

/** What an address shows when its item is not stored here (removed, or never loaded). */
export function NotOnDevice() {
  return (
    <section class="page">
      <h1>{t('item.notFound')}</h1>
      <p>{t('item.notFoundHint')}</p>
      <p>
        <A href="/">{t('notFound.home')}</A>
      </p>
    </section>
  );
}
