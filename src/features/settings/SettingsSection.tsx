import { Index } from 'solid-js';
import { locale, t } from '../../i18n';
import { settings, TEXT_SIZES, updateSettings, type LanguageChoice, type Theme } from '../../lib/settings';

/** A labelled group of radio buttons (a fieldset with its legend), one value chosen. */
function Choice<T extends string | number>(props: {
  legend: string;
  name: string;
  options: readonly { value: T; label: string; lang?: string }[];
  value: T;
  onChange: (value: T) => void;
  /** Short options side by side, wrapping as the text grows. */
  inline?: boolean;
}) {
  return (
    <fieldset class="choice" classList={{ inline: props.inline }}>
      <legend>{props.legend}</legend>
      {/* Index, not For: the inputs stay the same elements when the labels change language,
          so focus stays on the radio just chosen. */}
      <Index each={props.options}>
        {(option) => (
          <label class="choice-option" lang={option().lang}>
            <input
              type="radio"
              name={props.name}
              checked={props.value === option().value}
              onChange={() => props.onChange(option().value)}
            />
            {option().label}
          </label>
        )}
      </Index>
    </fieldset>
  );
}

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
        options={[
          { value: 'system', label: t('settings.system') },
          // Each language named in itself, so a reader who cannot read the current one finds theirs.
          { value: 'en', label: t('settings.english'), lang: 'en' },
          { value: 'zh-Hans', label: t('settings.chinese'), lang: 'zh-Hans' },
        ]}
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
