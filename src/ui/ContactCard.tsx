import { Match, Show, Switch } from 'solid-js';
import type { Contact } from '../data/model';
import { locale, t } from '../i18n';
import { downloadText } from '../lib/download';
import { formatList, languageName } from '../lib/format';
import { telHref } from '../lib/phone';
import { contactToVcard, vcardFileName } from '../lib/vcard';
import { CopyButton } from './CopyButton';
import { DriverView } from './DriverView';
import { MapLinks } from './MapLinks';
import { OpenNow } from './OpenNow';
import type { Zones } from './whose-time';

/**
 * A person or office with every way to reach them: call, email, WeChat, website, map, the
 * address for a driver, and a contact file for the phone. Built from structured fields only,
 * never from feed HTML.
 */
export function ContactCard(props: {
  contact: Contact;
  /** `none` where the page's own heading already names the contact. */
  heading: 'h2' | 'h3' | 'none';
  /** The zones its hours are told in (src/ui/whose-time.ts). */
  zones: Zones;
  /** Its name in the local script, for the taxi card (which shows no other), when the feed has it. */
  localName?: string;
  now: number;
}) {
  const c = () => props.contact;
  const languages = () =>
    formatList(
      c().languages.map((tag) => languageName(tag, locale())),
      locale(),
    );
  const tel = () => (c().phone ? telHref(c().phone ?? '') : undefined);
  const saveContact = () =>
    downloadText(
      vcardFileName(c()),
      'text/vcard;charset=utf-8',
      // Languages go in by name: the file is read by people, in the reader's language.
      contactToVcard(
        { ...c(), languages: c().languages.map((tag) => languageName(tag, locale())) },
        {
          labels: {
            wechat: t('contacts.wechat'),
            languages: t('contacts.languages'),
            hours: t('contacts.hours'),
          },
        },
      ),
    );

  return (
    <div class="contact">
      <Switch>
        <Match when={props.heading === 'h2'}>
          <h2 class="contact-name">{c().name}</h2>
        </Match>
        <Match when={props.heading === 'h3'}>
          <h3 class="contact-name">{c().name}</h3>
        </Match>
      </Switch>
      <Show when={[c().role, c().organization].filter(Boolean).join(' · ')}>
        {(line) => <p class="muted">{line()}</p>}
      </Show>
      <dl class="facts">
        <Show when={c().languages.length}>
          <dt>{t('contacts.languages')}</dt>
          <dd>{languages()}</dd>
        </Show>
        <Show when={c().hours ?? c().openingHours}>
          {(hours) => (
            <>
              <dt>{t('contacts.hours')}</dt>
              <dd>
                <Show when={c().openingHours}>
                  {(spec) => <OpenNow openingHours={spec()} zones={props.zones} now={props.now} />}
                </Show>
                {t('time.named', { text: hours(), zone: props.zones.name })}
              </dd>
            </>
          )}
        </Show>
        <Show when={c().address ?? c().addressLocal}>
          {(address) => (
            <>
              <dt>{t('contacts.address')}</dt>
              <dd>
                {/* The address as the interface language writes it: a Chinese reader gets the
                    Chinese one alone; others theirs, with the Chinese below to show. */}
                <Show when={locale() === 'zh-Hans' && c().addressLocal} fallback={address()}>
                  {(local) => <span lang="zh-Hans">{local()}</span>}
                </Show>
                <Show when={locale() !== 'zh-Hans' && c().address && c().addressLocal}>
                  <span class="local-address" lang="zh-Hans">
                    {c().addressLocal}
                  </span>
                </Show>
              </dd>
            </>
          )}
        </Show>
        <Show when={c().wechat}>
          <dt>{t('contacts.wechat')}</dt>
          <dd>{c().wechat}</dd>
        </Show>
      </dl>
      <MapLinks place={c()} />
      <ul class="actions">
        <Show when={tel()}>
          {(href) => (
            <li>
              <a class="action" href={href()}>
                {t('contacts.call', { phone: c().phone ?? '' })}
              </a>
            </li>
          )}
        </Show>
        <Show when={c().email}>
          {(email) => (
            <li>
              <a class="action" href={`mailto:${encodeURIComponent(email()).replace('%40', '@')}`}>
                {t('contacts.sendEmail', { email: email() })}
              </a>
            </li>
          )}
        </Show>
        <Show when={c().wechat}>
          {(id) => (
            <li>
              <CopyButton
                value={id()}
                label={t('contacts.copyWechat')}
                done={t('contacts.copied', { id: id() })}
                failed={t('contacts.copyFailed', { id: id() })}
              />
            </li>
          )}
        </Show>
        <Show when={c().website}>
          {(href) => (
            <li>
              <a class="action" href={href()} target="_blank" rel="noopener noreferrer">
                {t('contacts.website')}
              </a>
            </li>
          )}
        </Show>
        <Show when={c().addressLocal}>
          {(local) => (
            <li>
              <DriverView name={props.localName} address={local()} />
            </li>
          )}
        </Show>
        <li>
          <button type="button" class="action" onClick={saveContact}>
            {t('contacts.save')}
          </button>
        </li>
      </ul>
    </div>
  );
}
