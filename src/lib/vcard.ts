/**
 * "Save contact": a vCard 3.0 file (the version Android and iOS importers read most reliably)
 * made on the device from the contact's structured fields.
 */
import { decimal, httpUrl } from '@citylink/core/calendar';
import { contentLines, escapeText } from '@citylink/core/content-lines';
import type { Contact } from '@citylink/core/model';
import { asciiName } from './ics';
import { telHref } from './phone';

export interface VcardOptions {
  /** Labels of the note's lines, in the reader's language. */
  labels?: { wechat: string; languages: string; hours: string };
}

const ENGLISH = { wechat: 'WeChat', languages: 'Languages', hours: 'Hours' };

/** The contact file of a contact. `contact.languages` are written as given (names or tags). */
export function contactToVcard(contact: Contact, options: VcardOptions = {}): string {
  const labels = options.labels ?? ENGLISH;
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escapeText(contact.name)}`];
  // N is required in 3.0. Names here are mostly offices, which have no given/family split; the
  // whole name as family name keeps phones from inventing one.
  lines.push(`N:${escapeText(contact.name)};;;;`);
  if (contact.organization) lines.push(`ORG:${escapeText(contact.organization)}`);
  if (contact.role) lines.push(`TITLE:${escapeText(contact.role)}`);
  if (contact.phone) {
    // A dialable number when the text is one; otherwise the text as written, escaped.
    const tel = telHref(contact.phone);
    lines.push(
      `TEL;TYPE=VOICE:${tel ? tel.slice('tel:'.length).replace(/;ext=/, ' ext. ') : escapeText(contact.phone)}`,
    );
  }
  if (contact.email) lines.push(`EMAIL;TYPE=INTERNET:${escapeText(contact.email)}`);
  const website = httpUrl(contact.website);
  if (website) lines.push(`URL:${website}`);
  if (contact.address) lines.push(`ADR;TYPE=WORK:;;${escapeText(contact.address)};;;;`);
  if (contact.addressLocal)
    lines.push(`ADR;TYPE=WORK;LANGUAGE=zh-Hans:;;${escapeText(contact.addressLocal)};;;;`);
  if (contact.lat !== undefined && contact.lon !== undefined) {
    lines.push(`GEO:${decimal(contact.lat)};${decimal(contact.lon)}`);
  }
  if (contact.wechat) lines.push(`X-WECHAT:${escapeText(contact.wechat)}`);

  // Phones show NOTE but drop unknown X- properties, so what matters is repeated there.
  const note = [
    contact.wechat ? `${labels.wechat}: ${contact.wechat}` : '',
    contact.languages.length ? `${labels.languages}: ${contact.languages.join(', ')}` : '',
    contact.hours || contact.openingHours
      ? `${labels.hours}: ${contact.hours ?? contact.openingHours ?? ''}`
      : '',
  ].filter(Boolean);
  if (note.length) lines.push(`NOTE:${escapeText(note.join('\n'))}`);
  lines.push('END:VCARD');
  return contentLines(lines);
}

/** A file name from the contact's name; a name with no Latin letters gives `contact.vcf`. */
export function vcardFileName(contact: Contact): string {
  return `${asciiName(contact.name) || 'contact'}.vcf`;
}
