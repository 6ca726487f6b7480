import { useSearchParams } from '../../state/router';
import { Show, Suspense } from 'solid-js';
import { now } from '../../state/clock';
import { contactEntries, useFeedZone } from '../../state/data';
import type { ContactEntry } from '../../data/lists';
import { createRenderMemo } from '../../lib/hydration';
import { createOpenStates } from '../../lib/open-state';
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
  // The rules open now, read in the hours worker (src/lib/open-state.ts) once a minute; many
  // places share their hours, so each distinct rule is asked once. Offline before the worker's
  // code was ever kept, the list is sorted by name alone.
  const rules = createRenderMemo(
    () => [...new Set(all().flatMap((entry) => (entry.openingHours ? [entry.openingHours] : [])))],
    (a, b) => a.join('\n') === b.join('\n'),
  );
  const answers = createOpenStates(rules, now, zone);
  const openRules = createRenderMemo(
    () => new Set([...answers()].flatMap(([rule, state]) => (state?.state === 'open' ? [rule] : []))),
  );
  const spoken = () => [...new Set(all().flatMap((entry) => entry.languages))];
  /** The order of `list` for the filter, clock and hours read now (tracked by the caller). */
  const orderer = () => {
    const wanted = search.lang;
    // Read when the order is asked, in the caller's tracking scope: a new answer re-orders.
    const open = openRules();
    const language = locale();
    return (list: ContactEntry[]) => {
      const isOpen = (spec: string | undefined) => spec !== undefined && open.has(spec);
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
