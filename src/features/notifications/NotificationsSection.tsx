import { createAsync } from '@solidjs/router';
import { createSignal, For, Index, onMount, Show, untrack } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { eventEntries, feedMeta } from '../../state/data';
import { localized } from '@citylink/core/translations';
import { locale, t } from '../../i18n';
import { currentWay } from '../../pwa/install';
import { settings } from '../../lib/settings';
import {
  PushError,
  pushBlock,
  pushEnv,
  readChoices,
  subscribe,
  unsubscribe,
  type PushBlock,
  type PushChoices,
} from './push-client';
import { Choice, languageLabel, languageOptions } from '../../ui/Choice';
import './notifications.css';

/**
 * Notifications: what this device receives (urgent notices, new events by topic, in which
 * language), turned on, changed or off by the reader, never on their behalf. In Settings, and
 * from the events list ("Notify me of new events", which starts with new events chosen and the
 * list's topic). Where push cannot work, it says why instead.
 */
export function NotificationsSection(props: { heading?: 'h2' | 'h3'; events?: boolean; topic?: string }) {
  const [block, setBlock] = createSignal<PushBlock>();
  const [subscribed, setSubscribed] = createSignal<PushChoices>();
  const [note, setNote] = createSignal('');
  // True until this device's subscription is known, and while a change is under way.
  const [busy, setBusy] = createSignal(true);
  const [urgent, setUrgent] = createSignal(true);
  // Where the section opened decides the first choices (the events list: events, its topic).
  const fromEvents = () => props.events ?? false;
  const listTopic = () => (props.topic ? [props.topic] : []);
  const [events, setEvents] = createSignal(untrack(fromEvents));
  const [topics, setTopics] = createSignal<string[]>(untrack(listTopic));
  const [language, setLanguage] = createSignal<PushChoices['language']>(locale());

  const entries = createAsync(() => eventEntries(locale(), settings().onlyMyLanguage));
  const meta = createAsync(() => feedMeta());
  const allTopics = () => [...new Set([...(entries() ?? []).flatMap((e) => e.tags), ...topics()])].sort();
  const label = (tag: string) => localized(meta()?.tagLabels?.[tag], locale()) ?? tag;

  const show = (choices: PushChoices) => {
    setSubscribed(choices);
    setUrgent(choices.urgent);
    // Opened from the events list: the reader came for events, so they are offered checked.
    setEvents(choices.events || fromEvents());
    setTopics(choices.events ? choices.topics : listTopic());
    setLanguage(choices.language);
  };
  const explain = (error: unknown) => {
    const reason = error instanceof PushError ? error.reason : 'failed';
    if (reason === 'unreachable' && !navigator.onLine) return setNote(t('push.offline'));
    if (reason === 'failed') return setNote(t('push.failed', { reason: (error as Error).message }));
    setNote(t(`push.${reason}`));
    setBlock(pushBlock(pushEnv(currentWay())));
  };

  onMount(() => {
    setBlock(pushBlock(pushEnv(currentWay())));
    if (block()) return setBusy(false);
    void load();
  });
  async function load() {
    try {
      const choices = await readChoices();
      if (choices === 'forgotten') setNote(t('push.forgotten'));
      else if (choices) show(choices);
    } catch (error) {
      explain(error);
    } finally {
      setBusy(false);
    }
  }

  async function act(work: () => Promise<string>) {
    setBusy(true);
    setNote(t('push.working'));
    try {
      setNote(await work());
    } catch (error) {
      explain(error);
    } finally {
      setBusy(false);
    }
  }
  async function turnOnOrSave(): Promise<string> {
    if (!urgent() && !events()) return t('push.nothingChosen');
    const wasOn = subscribed() !== undefined;
    const choices = {
      language: language(),
      urgent: urgent(),
      events: events(),
      topics: events() ? topics() : [],
    };
    show(await subscribe(choices));
    return wasOn ? t('push.saved') : t('push.on');
  }
  const save = () => act(turnOnOrSave);
  const turnOff = () =>
    act(async () => {
      await unsubscribe();
      setSubscribed(undefined);
      return t('push.turnedOff');
    });

  const summary = (choices: PushChoices) =>
    [
      choices.urgent ? t('push.onUrgent') : '',
      choices.events
        ? t('push.onEvents', {
            topics: choices.topics.length
              ? choices.topics.map(label).join(locale().startsWith('zh') ? '、' : ', ')
              : t('push.allTopics'),
          })
        : '',
      t('push.onLanguage', { language: languageLabel(choices.language) }),
    ].filter(Boolean);

  return (
    <section class="notifications" aria-labelledby="push-title" data-push-ready={busy() ? undefined : ''}>
      <Dynamic component={props.heading ?? 'h2'} id="push-title">
        {t('push.title')}
      </Dynamic>
      <p>{t('push.intro')}</p>
      <Show
        when={!block()}
        fallback={
          <p class="notice" data-push-block={block()}>
            {t(`push.${block() ?? 'unsupported'}`)}
          </p>
        }
      >
        <Show when={subscribed()} fallback={<p>{t('push.off')}</p>}>
          {(choices) => (
            <>
              <p>{t('push.on')}</p>
              <ul class="push-summary">
                <For each={summary(choices())}>{(line) => <li>{line}</li>}</For>
              </ul>
            </>
          )}
        </Show>
        <div class="switches">
          <label class="choice-option">
            <input
              type="checkbox"
              aria-describedby="push-urgent-hint"
              checked={urgent()}
              onChange={(event) => setUrgent(event.currentTarget.checked)}
            />
            {t('push.urgent')}
          </label>
          <p id="push-urgent-hint" class="muted hint">
            {t('push.urgentHint')}
          </p>
          <label class="choice-option">
            <input
              type="checkbox"
              checked={events()}
              onChange={(event) => setEvents(event.currentTarget.checked)}
            />
            {t('push.events')}
          </label>
        </div>
        <Show when={events() && allTopics().length}>
          <fieldset class="choice">
            <legend>{t('push.topics')}</legend>
            <p class="muted hint">{t('push.topicsHint')}</p>
            <Index each={allTopics()}>
              {(tag) => (
                <label class="choice-option">
                  <input
                    type="checkbox"
                    checked={topics().includes(tag())}
                    onChange={(event) =>
                      setTopics((list) =>
                        event.currentTarget.checked ? [...list, tag()] : list.filter((x) => x !== tag()),
                      )
                    }
                  />
                  {label(tag())}
                </label>
              )}
            </Index>
          </fieldset>
        </Show>
        <Choice
          legend={t('push.language')}
          name="push-language"
          value={language()}
          onChange={setLanguage}
          options={languageOptions()}
        />
        <p class="push-actions">
          <button type="button" class="button-primary" disabled={busy()} onClick={() => void save()}>
            {subscribed() ? t('push.save') : t('push.turnOn')}
          </button>
          <Show when={subscribed()}>
            <button type="button" class="button-secondary" disabled={busy()} onClick={() => void turnOff()}>
              {t('push.turnOff')}
            </button>
          </Show>
        </p>
      </Show>
      <p role="status" class="muted" data-push-note>
        {note()}
      </p>
    </section>
  );
}
