import { Index } from 'solid-js';
import { LANGUAGES, type Language } from '@citylink/core/languages';
import { t } from '../i18n';

/** One option of a `Choice`; `lang` when its label is in a language of its own. */
export interface ChoiceOption<T> {
  value: T;
  label: string;
  lang?: string;
}

/** A labelled group of radio buttons (a fieldset with its legend), one value chosen. */
export function Choice<T extends string | number>(props: {
  legend: string;
  name: string;
  options: readonly ChoiceOption<T>[];
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

const NAME_KEY = {
  en: 'settings.english',
  'zh-Hans': 'settings.chinese',
  'zh-Hant': 'settings.traditional',
} as const satisfies Record<Language, string>;

/** An interface language's name, in itself (English, 简体中文, 繁體中文). */
export function languageLabel(language: Language): string {
  return t(NAME_KEY[language]);
}

/**
 * The interface languages as options, each named in itself, so that a reader who cannot read
 * the current language finds theirs (the interface's and the notifications' language).
 */
export function languageOptions(): ChoiceOption<Language>[] {
  return LANGUAGES.map((language) => ({ value: language, label: languageLabel(language), lang: language }));
}
