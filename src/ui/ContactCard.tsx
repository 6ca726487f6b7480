import { Match, Show, Switch, type JSX } from 'solid-js';
import type { Contact } from '@citylink/core/model';
import { locale, t } from '../i18n';
import { downloadText } from '../lib/download';
import { languageName } from '../lib/format';
import { formatList } from '../lib/format-more';
import { contactFile } from '../lib/item-files';
import { unlessHydrating } from '../lib/hydration';
import { telHref } from '../lib/phone';
import { vcardFileName } from '../lib/vcard';
import { CopyButton } from './CopyButton';
import { Directions } from './Directions';
import { DriverView } from './DriverView';
import { Icon, type IconName } from './Icon';
import { OpenNow } from './OpenNow';
import type { Zones } from './whose-time';

/**
 * A person or office with every way to reach them: call, directions, email, WeChat, website,
 * the address for a driver, and a contact file for the phone, then the facts. Built from
 * structured fields only, never from feed HTML.
 *
 * On the contact's own page Call is the screen's one primary action and the other ways are
 * grouped under it. Inside another page (an event's contacts, `boxed`), the page has its own
 * primary action, so the card stays compact: Call leads it (full width, tonal), the ways most
 * used after it sit in two columns, and the rest wait behind "More ways to reach" (a
 * <details>, so it opens before the app starts and without JavaScript).
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
  /** A card inside another page. */
  boxed?: boolean;
  /** The build's card file of this contact (src/lib/item-files.ts), for "Save contact" without script. */
  file: string;
  /** The language of the contact's own words (its name, role): the item's, not the interface's. */
  lang?: string;
  /**
   * Directions and the taxi card, where it makes sense to go there: not on the cards of a
   * cancelled event, whose contacts are often in the very building it tells people to stay away
   * from.
   */
  venueActions?: boolean;
}) {
  const c = () => props.contact;
  // Not while hydrating (the server's text stays): the names and the list are Intl's.
  const languages = () => {
    const [tags, language] = [c().languages, locale()];
    return unlessHydrating(() =>
      formatList(
        tags.map((tag) => languageName(tag, language)),
        language,
      ),
    );
  };
  const tel = () => (c().phone ? telHref(c().phone ?? '') : undefined);
  const saveContact = (event: MouseEvent) => {
    // Made here from what the device holds now; the link's file (the build's) is for readers
    // without JavaScript and for a tap before the app has started.
    event.preventDefault();
    downloadText(vcardFileName(c()), 'text/vcard;charset=utf-8', contactFile(c()));
  };

  const going = () => props.venueActions !== false;
  const call = (href: string) => (
    <a class="button-secondary" href={href}>
      <ActionText icon="phone" label={t('contacts.dial')} detail={c().phone} />
    </a>
  );
  const directions = () => (
    <Show when={going()}>
      <li>
        <Directions place={c()} class="button-secondary" />
      </li>
    </Show>
  );
  const email = () => (
    <Show when={c().email}>
      {(email) => (
        <li>
          <a class="button-secondary" href={`mailto:${encodeURIComponent(email()).replace('%40', '@')}`}>
            <ActionText icon="mail" label={t('contacts.sendEmail')} detail={email()} />
          </a>
        </li>
      )}
    </Show>
  );
  const wechat = () => (
    <Show when={c().wechat}>
      {(id) => (
        <li class="needs-script">
          <CopyButton
            value={id()}
            label={<ActionText icon="copy" label={t('contacts.copyWechat')} detail={id()} />}
            done={t('contacts.copied', { id: id() })}
            failed={t('contacts.copyFailed', { id: id() })}
          />
        </li>
      )}
    </Show>
  );
  const website = () => (
    <Show when={c().website}>
      {(href) => (
        <li>
          <a class="button-secondary" href={href()} target="_blank" rel="noopener noreferrer">
            <ActionText icon="web" label={t('contacts.website')} />
          </a>
        </li>
      )}
    </Show>
  );
  const driver = () => (
    <Show when={going() ? c().addressLocal : undefined}>
      {(local) => (
        <li>
          <DriverView name={props.localName} address={local()} />
        </li>
      )}
    </Show>
  );
  const save = () => (
    <li>
      <a class="button-secondary" href={props.file} download={vcardFileName(c())} onClick={saveContact}>
        <ActionText icon="personAdd" label={t('contacts.save')} />
      </a>
    </li>
  );

  /** Whom they serve and when: what decides whether to call now. */
  const served = () => (
    <>
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
                {/* Open or closed is known once the app runs: its line is held from the first
                    paint (styles.css), so the facts under it do not move when it comes. */}
                {(spec) => (
                  <span class="open-slot">
                    <OpenNow openingHours={spec()} zones={props.zones} now={props.now} />
                  </span>
                )}
              </Show>
              {t('time.named', { text: hours(), zone: props.zones.name })}
            </dd>
          </>
        )}
      </Show>
    </>
  );
  /** Where and how to write to them, as text to read and select: the address, email and WeChat ID. */
  const reached = () => (
    <>
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
      <Show when={c().email}>
        <dt>{t('contacts.email')}</dt>
        <dd class="break">{c().email}</dd>
      </Show>
      <Show when={c().wechat}>
        <dt>{t('contacts.wechat')}</dt>
        <dd>{c().wechat}</dd>
      </Show>
    </>
  );

  return (
    <div class="contact" classList={{ boxed: props.boxed }}>
      <Switch>
        <Match when={props.heading === 'h2'}>
          <h2 class="contact-name" lang={props.lang}>
            {c().name}
          </h2>
        </Match>
        <Match when={props.heading === 'h3'}>
          <h3 class="contact-name" lang={props.lang}>
            {c().name}
          </h3>
        </Match>
      </Switch>
      <Show when={[c().role, c().organization].filter(Boolean).join(' · ')}>
        {(line) => (
          <p class="muted contact-role" lang={props.lang}>
            {line()}
          </p>
        )}
      </Show>
      <Show
        when={props.boxed}
        fallback={
          <>
            <Show when={tel()}>
              {(href) => (
                <div class="primary-action">
                  <a class="button-primary" href={href()}>
                    <Icon name="phone" size={20} />
                    {t('contacts.call', { phone: c().phone ?? '' })}
                  </a>
                </div>
              )}
            </Show>
            <ul class="action-group">
              {directions()}
              {email()}
              {wechat()}
              {website()}
              {driver()}
              {save()}
            </ul>
            <dl class="facts">
              {served()}
              {reached()}
            </dl>
          </>
        }
      >
        <Show when={tel()}>{(href) => <div class="card-lead">{call(href())}</div>}</Show>
        <ul class="action-group">
          {email()}
          {wechat()}
          {directions()}
          {driver()}
        </ul>
        <dl class="facts">{served()}</dl>
        <details class="more-ways">
          <summary class="button-quiet">
            <Icon name="expand" size={20} />
            {t('contacts.moreWays')}
          </summary>
          <ul class="action-group">
            {website()}
            {save()}
          </ul>
          <dl class="facts">{reached()}</dl>
        </details>
      </Show>
    </div>
  );
}

/** A grouped action's content: an icon, what it does, and what it acts on (a number, an address). */
function ActionText(props: { icon: IconName; label: string; detail?: string }): JSX.Element {
  return (
    <>
      <Icon name={props.icon} size={20} />
      <span class="action-text">
        <span>{props.label}</span>
        <Show when={props.detail}>
          {(detail) => (
            <>
              {' '}
              <span class="action-detail">{detail()}</span>
            </>
          )}
        </Show>
      </span>
    </>
  );
}
