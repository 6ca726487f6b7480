import { For, Show } from 'solid-js';
import type { Contact } from '../data/model';
import { locale, t } from '../i18n';
import { formatList, languageName } from '../lib/format';

/** A person or office with the ways to reach them. Built from structured fields only. */
export function ContactCard(props: { contact: Contact; heading?: 'h2' | 'h3' }) {
  const c = () => props.contact;
  const languages = () =>
    formatList(
      c().languages.map((tag) => languageName(tag, locale())),
      locale(),
    );
  const tel = () => c().phone?.replace(/[^\d+]/g, '');
  return (
    <div class="contact">
      <Show when={props.heading === 'h3'} fallback={<h2 class="contact-name">{c().name}</h2>}>
        <h3 class="contact-name">{c().name}</h3>
      </Show>
      <Show when={[c().role, c().organization].filter(Boolean).join(' · ')}>
        {(line) => <p class="muted">{line()}</p>}
      </Show>
      <dl class="facts">
        <Show when={c().languages.length}>
          <dt>{t('contacts.languages')}</dt>
          <dd>{languages()}</dd>
        </Show>
        <Show when={c().hours}>
          <dt>{t('contacts.hours')}</dt>
          <dd>{c().hours}</dd>
        </Show>
        <Show when={c().address}>
          <dt>{t('contacts.address')}</dt>
          <dd>
            {c().address}
            <Show when={c().addressLocal}>
              {(local) => (
                <span class="local-address" lang="zh-Hans">
                  {local()}
                </span>
              )}
            </Show>
          </dd>
        </Show>
        <Show when={c().wechat}>
          <dt>{t('contacts.wechat')}</dt>
          <dd>{c().wechat}</dd>
        </Show>
      </dl>
      <ul class="actions">
        <Show when={tel()}>
          <li>
            <a class="action" href={`tel:${tel()}`}>
              {t('contacts.phone')}: {c().phone}
            </a>
          </li>
        </Show>
        <Show when={c().email}>
          <li>
            <a class="action" href={`mailto:${c().email}`}>
              {t('contacts.email')}: {c().email}
            </a>
          </li>
        </Show>
        <For each={c().website ? [c().website] : []}>
          {(href) => (
            <li>
              <a class="action" href={href} target="_blank" rel="noopener noreferrer">
                {t('contacts.website')}
              </a>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
