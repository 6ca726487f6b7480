import { t } from '../../i18n';

/** The accessibility statement: what the app aims at, what is tested, and its known limits. */
export function AccessibilitySection() {
  return (
    <section aria-labelledby="a11y-title">
      <h2 id="a11y-title">{t('a11y.title')}</h2>
      <p>{t('a11y.goal')}</p>
      <p>{t('a11y.works')}</p>
      <p>{t('a11y.tested')}</p>
      <p>{t('a11y.limits')}</p>
    </section>
  );
}
