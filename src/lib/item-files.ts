/**
 * An event's calendar file and a contact's card file, as "Add to calendar" and "Save contact"
 * make them on the device, and where the build writes the same files (build/prerender.ts) so
 * that those links work before the app has started and without JavaScript.
 */
import type { Contact, Item } from '@citylink/core/model';
import { itemPath } from '@citylink/core/paths';
import { locale, t } from '../i18n';
import { languageName } from './format';
import { eventToIcs } from './ics';
import { contactToVcard } from './vcard';

// Under a folder of their own: an address under /events/ or /contacts/ is a page for hosts and
// the worker (packages/core/src/paths.ts `isAppPage`), which would answer with the app.
const FOLDER = '/files';

/** The build's calendar file of an event. */
export function calendarFilePath(event: Pick<Item, 'key'>): string {
  return `${FOLDER}/events/${encodeURIComponent(event.key)}.ics`;
}

/**
 * The build's card file of a contact: a contact item's own, or the `index`th of an event's
 * contacts (one written in the event, with no item of its own).
 */
export function contactFilePath(item: Pick<Item, 'kind' | 'key'>, index?: number): string {
  const key = encodeURIComponent(item.key);
  return index === undefined ? `${FOLDER}/contacts/${key}.vcf` : `${FOLDER}/events/${key}.${index}.vcf`;
}

/** The calendar file of an event item, its notes in the interface language. */
export function calendarFile(event: Item, origin: string, now: number): string {
  return eventToIcs(event, {
    now,
    appUrl: new URL(itemPath(event), origin).href,
    labels: {
      postponed: t('events.calendarNote.postponed'),
      movedOnline: t('events.calendarNote.movedOnline'),
    },
  });
}

/** The card file of a contact, its labels and languages in the interface language. */
export function contactFile(contact: Contact): string {
  // Languages go in by name: the file is read by people, in the reader's language.
  return contactToVcard(
    { ...contact, languages: contact.languages.map((tag) => languageName(tag, locale())) },
    {
      labels: {
        wechat: t('contacts.wechat'),
        languages: t('contacts.languages'),
        hours: t('contacts.hours'),
      },
    },
  );
}
