import { locale, t } from '../../i18n';
import { settings, TEXT_SIZES, updateSettings, type LanguageChoice, type Theme } from '../../lib/settings';
import { Choice, languageOptions } from '../../ui/Choice';

/** Language, theme, text size, data saver and the language filter; each applies at once and persists. */
export function SettingsSection() {
  const percent = (value: number) =>
    new Intl.NumberFormat(locale(), { style: 'percent' }).format(value / 100);
  return (
    <>
      <h2>{t('settings.title')}</h2>
      <Choice<LanguageChoice>
        legend={t('settings.language')}
        name="language"
        value={settings().language}
        onChange={(language) => updateSettings({ language })}
        options={[{ value: 'system', label: t('settings.system') }, ...languageOptions()]}
      />
      <Choice<Theme>
        legend={t('settings.theme')}
        name="theme"
        value={settings().theme}
        onChange={(theme) => updateSettings({ theme })}
        options={[
          { value: 'system', label: t('settings.system') },
          { value: 'light', label: t('settings.light') },
          { value: 'dark', label: t('settings.dark') },
        ]}
      />
      <Choice<number>
        legend={t('settings.textSize')}
        name="text-size"
        inline
        value={settings().textSize}
        onChange={(textSize) => updateSettings({ textSize })}
        options={TEXT_SIZES.map((size) => ({ value: size, label: percent(size) }))}
      />
      <div class="switches">
        <label class="choice-option">
          <input
            type="checkbox"
            checked={settings().dataSaver}
            onChange={(event) => updateSettings({ dataSaver: event.currentTarget.checked })}
          />
          {t('settings.dataSaver')}
        </label>
        <label class="choice-option">
          <input
            type="checkbox"
            aria-describedby="only-my-language-hint"
            checked={settings().onlyMyLanguage}
            onChange={(event) => updateSettings({ onlyMyLanguage: event.currentTarget.checked })}
          />
          {t('settings.onlyMyLanguage')}
        </label>
        <p id="only-my-language-hint" class="muted hint">
          {t('settings.onlyMyLanguageHint')}
        </p>
      </div>
    </>
  );
}
