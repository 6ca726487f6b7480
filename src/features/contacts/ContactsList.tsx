import { useSearchParams } from '../../state/router';
import { createResource, Show, Suspense } from 'solid-js';
import { now } from '../../state/clock';
import { contactEntries, useFeedZone } from '../../state/data';
import type { ContactEntry } from '../../data/lists';
import { createRenderMemo, hydrated } from '../../lib/hydration';
import { languageMatch } from '@citylink/core/translations';
import { locale, t } from '../../i18n';
import { languageName } from '../../lib/format';
import { CardList } from '../shared/CardList';
import { useDocumentTitle } from '../../state/title';
import { useContactLines } from '../shared/ContactLines';
import { createEntryList } from '../shared/entry-list';
import { sameIds } from '../shared/ids-page';
import { ShowMore, ShowPrevious } from '../shared/Paging';
import { EmptyState, LoadingState } from '../../ui/States';
import { ClearFilter } from '../shared/ClearFilter';
import { FilterChips } from '../shared/FilterChips';
import { StatusLine } from '../status/lazy';

/**
 * The directory of service stations and offices: open ones first when their hours are known,
 * then by name; filtered by a language spoken (`?lang=`, shareable like any address). The order
 * comes from every contact's small entry (open now is the clock's, not an index's); the cards
 * are read a page at a time.
 */
export function ContactsList() {
  useDocumentTitle(() => t('nav.contacts'));
  return (
    <section class="page">
      <h1 data-screen-title>{t('nav.contacts')}</h1>
      <StatusLine />
      <Suspense fallback={<LoadingState label={t('list.loading')} />}>
        <Directory />
      </Suspense>
    </section>
  );
}

function Directory() {
  const zone = useFeedZone();
  const lines = useContactLines();
  const [search] = useSearchParams<{ lang?: string }>();
  const entryList = createEntryList('contacts', contactEntries);
  const all = entryList.all;
  // Only loaded when some contact has machine-readable hours (the parser is large), and never
  // for a server render: whether a place is open depends on the reader's "now". Offline before
  // the worker ever kept it, the list is sorted by name alone.
  const [hours] = createResource(
    () => hydrated() && all().some((entry) => entry.openingHours),
    () => import('../../lib/hours').catch(() => undefined),
  );
  const spoken = () => [...new Set(all().flatMap((entry) => entry.languages))];
  /** The order of `list` for the filter, clock and hours read now (tracked by the caller). */
  const orderer = () => {
    const wanted = search.lang;
    // Never read in a server render: there the hours resource held the page back empty.
    const openState = hydrated() ? hours()?.openState : undefined;
    const at = new Date(now());
    // The zone only matters with hours to read (never in a server render, which has none).
    const where = openState ? zone() : 'UTC';
    const language = locale();
    return (list: ContactEntry[]) => {
      // Many places share their hours: each distinct rule is evaluated once per tick.
      const open = new Map<string, boolean>();
      const isOpen = (spec: string | undefined) => {
        if (!spec || !openState) return false;
        if (!open.has(spec)) open.set(spec, openState(spec, at, where)?.state === 'open');
        return open.get(spec) ?? false;
      };
      return list
        .filter((entry) => !wanted || entry.languages.some((tag) => languageMatch(tag, wanted) > 0))
        .map((entry) => ({ id: entry.id, open: isOpen(entry.openingHours), name: entry.name }))
        .sort((a, b) => Number(b.open) - Number(a.open) || a.name.localeCompare(b.name, language))
        .map((entry) => entry.id);
    };
  };
  const order = createRenderMemo(() => orderer()(all()), sameIds);
  const pager = entryList.pager({ order: orderer, reset: () => search.lang });
  let list: HTMLUListElement | undefined;

  return (
    <Show when={all().length} fallback={<EmptyState>{t('list.emptyContacts')}</EmptyState>}>
      <Show when={spoken().length > 1}>
        <FilterChips
          label={t('contacts.speaks')}
          all={{ href: '/contacts', label: t('contacts.anyLanguage'), current: !search.lang }}
          chips={spoken().map((tag) => ({
            href: `/contacts?lang=${encodeURIComponent(tag)}`,
            label: languageName(tag, locale()),
            current: search.lang === tag,
            hreflang: tag,
          }))}
        />
      </Show>
      <Show
        when={order().length}
        fallback={
          <EmptyState action={<ClearFilter href="/contacts" label={t('list.clearFilter')} />}>
            {t('contacts.noneSpeak', { language: languageName(search.lang ?? '', locale()) })}
          </EmptyState>
        }
      >
        <ShowPrevious pager={pager} list={() => list} />
        <CardList
          items={pager.items()}
          ref={(element) => (list = element)}
          meta={lines.meta}
          text={lines.text}
        />
        <ShowMore pager={pager} list={() => list} />
      </Show>
    </Show>
  );
}
