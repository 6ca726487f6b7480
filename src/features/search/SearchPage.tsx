import { createAsync } from '@solidjs/router';
import { useSearchParams } from '../../state/router';
import {
  createEffect,
  createMemo,
  createSignal,
  For,
  on,
  onCleanup,
  onMount,
  Show,
  Suspense,
} from 'solid-js';
import { keepPart, recallPart } from '../../state/history-parts';
import { useDocumentTitle } from '../../state/title';
import type { Item, ItemKind } from '@citylink/core/model';
import { itemPath } from '@citylink/core/paths';
import { Icon } from '../../ui/Icon';
import { StatusBadge } from '../../ui/StatusBadge';
import { now } from '../../state/clock';
import { eventState } from '@citylink/core/event-state';
import { EmptyState, LoadingState } from '../../ui/States';
import { ClearFilter } from '../shared/ClearFilter';
import { displayTitle, excerpt } from '@citylink/core/text';
import { languageMatch, pickLanguage, tagLabel } from '@citylink/core/translations';
import { formatLocale, locale, t } from '../../i18n';
import { formatDate, languageName } from '../../lib/format';
import { highlight, matcher, snippet, type Matcher, type Piece } from '../../lib/search/highlight';
import {
  best,
  collapseTranslations,
  matchesFilter,
  toDoc,
  type Hit,
  type SearchResult,
} from '../../lib/search/index';
import { revision, searchIndex } from './search-index';
import { useReadableMeta, useReadableResults } from '../shared/readable';
import { inScriptOfAll } from '../../data/readable';
import { convertedTarget } from '@citylink/core/traditional';

/** `exact=1`: the query as typed, after the reader turned down the reading of a typo. */
type Params = { q?: string; kind?: string; tag?: string; exact?: string };

const KINDS: readonly ItemKind[] = ['news', 'event', 'contact'];
/** Filter chips name the sections, as the tab bar does. */
const SECTION_LABEL = { news: 'nav.news', event: 'nav.events', contact: 'nav.contacts' } as const;
/** Results shown at first and added per "Show more": enough to scan, cheap to render. */
const PAGE = 30;

const isKind = (value: string | undefined): value is ItemKind => KINDS.includes(value as ItemKind);

/**
 * One search over news, events and contacts, from the index of what is on the device. The
 * query and filters live in the address (`/search?q=…&kind=…&tag=…`), so a search can be
 * linked and survives a reload.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams<Params>();
  // The query names the screen, so history and tabs tell searches apart.
  useDocumentTitle(() => (params.q ? `${t('search.title')}: ${params.q}` : t('search.title')));
  const index = createAsync(() => searchIndex());
  let input: HTMLInputElement | undefined;

  const meta = useReadableMeta();
  /** A topic as the reader reads it: the feed's label in their language, else the tag. */
  const label = (name: string) => tagLabel(meta(), name, locale());
  const query = () => params.q ?? '';
  const kind = () => (isKind(params.kind) ? params.kind : undefined);
  const tag = () => params.tag || undefined;

  const exact = () => params.exact === '1';
  // The query's hits and how it was read; recomputed when a sync changes the index.
  const result = createMemo<SearchResult>(() => {
    revision();
    const current = index();
    if (!current || !query().trim()) return { hits: [] };
    return current.search(query(), { exact: exact() });
  });
  // Every hit, one per translation group.
  const hits = createMemo<Hit[]>(() => collapseTranslations(result().hits, locale()));
  const searching = () => query().trim() !== '';
  // Without a query, a chosen tag or kind lists its items, newest first.
  const browsing = () => !searching() && (!!tag() || !!kind());
  const pool = createMemo<Hit[]>(() => {
    if (searching()) return hits();
    revision();
    const current = index();
    if (!current || !browsing()) return [];
    return pickLanguage(current.browse({ tag: tag() }), locale()).map((item) => ({
      item,
      score: 0,
      terms: [],
      // Already one per translation group; not collapsed again.
      group: -1,
      missing: 0,
    }));
  });
  const ofKind = () => pool().filter((hit) => matchesFilter(hit.item, { kind: kind() }));
  const shown = createMemo(() => ofKind().filter((hit) => matchesFilter(hit.item, { tag: tag() })));

  const kindCounts = createMemo(() => {
    const counts = new Map<ItemKind, number>();
    for (const hit of pool()) {
      if (matchesFilter(hit.item, { tag: tag() }))
        counts.set(hit.item.kind, (counts.get(hit.item.kind) ?? 0) + 1);
    }
    return counts;
  });
  // Topics of the current results, most frequent first; the chosen one always stays.
  const topics = createMemo(() => {
    const source = searching() || browsing() ? ofKind().map((hit) => hit.item) : (index()?.browse() ?? []);
    const counts = new Map<string, number>();
    for (const item of source) for (const name of item.tags) counts.set(name, (counts.get(name) ?? 0) + 1);
    const chosen = tag();
    if (chosen && !counts.has(chosen)) counts.set(chosen, 0);
    return [...counts]
      .sort((a, b) => b[1] - a[1] || label(a[0]).localeCompare(label(b[0]), locale()))
      .slice(0, 16);
  });

  // How many results are shown, for this query and filters: back from a result, as many again.
  let shownCount = recallPart<{ key: string; count: number }>('search-results') ?? { key: '', count: PAGE };
  const [limit, setShownCount] = createSignal(shownCount);
  const setLimit = (next: { key: string; count: number }) => setShownCount((shownCount = next));
  onCleanup(keepPart('search-results', () => shownCount));
  const listKey = () => `${query()}\n${kind() ?? ''}\n${tag() ?? ''}`;
  const visible = createMemo(() => best(shown(), limit().key === listKey() ? limit().count : PAGE));
  // Ranked after every hit with all the words, under a heading of their own.
  const allWords = () => visible().filter((hit) => hit.missing === 0);
  const someWords = () => visible().filter((hit) => hit.missing > 0);
  const fullCount = () => shown().filter((hit) => hit.missing === 0).length;

  const number = (n: number) => new Intl.NumberFormat(locale()).format(n);
  const announcement = () => {
    if (!index() || !(searching() || browsing())) return '';
    const count = shown().length;
    if (!count) return t('search.noResults', { query: query().trim() || label(tag() ?? '') });
    const full = fullCount();
    if (!full) return t('search.someWords', { count: number(count) });
    const one = new Intl.PluralRules(locale()).select(full) === 'one';
    if (full === count) return t(one ? 'search.resultsOne' : 'search.resultsOther', { count: number(full) });
    return t(one ? 'search.alsoSomeOne' : 'search.alsoSomeOther', {
      count: number(full),
      more: number(count - full),
    });
  };
  // "Showing results for talent": the words read for a typo, marked as such.
  const corrected = () => (exact() ? undefined : result().corrected);
  const showingFor = (words: string) => {
    // The sentence around the words differs by language: split it where they go.
    const [before = '', after = ''] = t('search.showingFor', { query: '\u0000' }).split('\u0000');
    return (
      <>
        {before}
        <strong>{words}</strong>
        {after}
      </>
    );
  };

  const href = (patch: Params) => {
    const next = new URLSearchParams();
    const merged = { q: params.q, kind: params.kind, tag: params.tag, ...patch };
    for (const [key, value] of Object.entries(merged)) if (value) next.set(key, value);
    const search = next.toString();
    return search ? `/search?${search}` : '/search';
  };

  // What the box holds. The address, and with it the search, follows in a task after the frame
  // that shows the key: a keystroke paints at once, its results a frame later. Searching and
  // rendering results inside the keystroke's own frame made typing take 480 ms to show a
  // letter at CPU 4x (bench, INP). Keys typed meanwhile are taken together, by the latest box.
  const [typed, setTyped] = createSignal(query());
  let applied = query();
  let frame = 0;
  let task = 0;
  const type = (value: string) => {
    setTyped(value);
    if (frame || task) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      task = window.setTimeout(() => {
        task = 0;
        setQuery((applied = typed()));
      });
    });
  };
  onCleanup(() => {
    cancelAnimationFrame(frame);
    clearTimeout(task);
  });
  // The address changed by other means (Back, a link to a search): the box shows its query.
  createEffect(
    on(query, (current) => {
      if (current !== applied) setTyped((applied = current));
    }),
  );
  const onInput = (event: InputEvent & { currentTarget: HTMLInputElement }) => {
    // While an input method composes (pinyin), wait for the characters it commits.
    if (event.isComposing) return;
    type(event.currentTarget.value);
  };
  // A new query is read afresh: a turned-down correction was for the words before.
  const setQuery = (value: string) =>
    setParams({ q: value || undefined, exact: undefined }, { replace: true, scroll: false });

  onMount(() => {
    // Opened to type into: a fresh search starts in the field; a linked one starts at the top.
    if (!params.q) input?.focus();
  });

  return (
    <section class="page search-page">
      {/* The app bar shows the title above: the heading is for screen readers and focus. */}
      <h1 class="visually-hidden" data-screen-title>
        {t('search.title')}
      </h1>
      <form
        role="search"
        class="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          // "Search" on a phone keyboard: hide the keyboard so the results can be read.
          input?.blur();
        }}
      >
        <label for="search-input" class="visually-hidden">
          {t('search.label')}
        </label>
        <Icon name="search" size={20} class="search-icon" />
        <input
          id="search-input"
          ref={(element) => (input = element)}
          type="search"
          class="search-input"
          value={typed()}
          placeholder={t('search.placeholder')}
          enterkeyhint="search"
          autocomplete="off"
          spellcheck={false}
          onInput={onInput}
          onCompositionEnd={(event) => type(event.currentTarget.value)}
        />
      </form>
      <p class="search-status" role="status">
        {announcement()}
        {/* A query read for a typo is told here too: the line above the results is not heard. */}
        <Show when={announcement() && corrected()}>
          {(words) => <span class="visually-hidden"> {t('search.correctedStatus', { query: words() })}</span>}
        </Show>
      </p>
      <Suspense fallback={<LoadingState label={t('search.loading')} />}>
        <Show when={index()}>
          <Show when={searching() || browsing()}>
            <nav class="chips" aria-label={t('search.kinds')}>
              <a href={href({ kind: undefined })} class="chip" aria-current={kind() ? undefined : 'page'}>
                {t('search.allKinds')}
              </a>
              <For each={KINDS}>
                {(k) => (
                  <a href={href({ kind: k })} class="chip" aria-current={kind() === k ? 'page' : undefined}>
                    {t(SECTION_LABEL[k])}
                    <span class="chip-count">{number(kindCounts().get(k) ?? 0)}</span>
                  </a>
                )}
              </For>
            </nav>
          </Show>
          <Show when={topics().length}>
            <Show when={!searching() && !browsing()}>
              <p class="muted">{t('search.hint')}</p>
              <h2 class="section-title">{t('search.browse')}</h2>
            </Show>
            <nav class="chips" aria-label={t('search.topics')}>
              <For each={topics()}>
                {([name]) => (
                  <a
                    href={href({ tag: tag() === name ? undefined : name })}
                    class="chip"
                    aria-current={tag() === name ? 'page' : undefined}
                  >
                    {label(name)}
                  </a>
                )}
              </For>
            </nav>
          </Show>
          <Show when={searching() || browsing()}>
            <Show
              when={shown().length}
              fallback={
                <EmptyState
                  action={
                    <Show when={kind() || tag()}>
                      <ClearFilter
                        href={href({ kind: undefined, tag: undefined })}
                        label={t('search.clearFilters')}
                      />
                    </Show>
                  }
                >
                  {t('search.noResultsHint')}
                </EmptyState>
              }
            >
              <Show when={corrected()}>
                {(words) => (
                  <p class="search-correction">
                    {showingFor(words())}
                    <br />
                    <a href={href({ exact: '1' })}>{t('search.searchInstead', { query: query().trim() })}</a>
                  </p>
                )}
              </Show>
              <Show when={allWords().length}>
                <Results hits={allWords()} query={query()} />
              </Show>
              <Show when={someWords().length}>
                <h2 class="section-title">{t('search.someWordsTitle')}</h2>
                <Results hits={someWords()} query={query()} />
              </Show>
              <Show when={shown().length > visible().length}>
                <button
                  type="button"
                  class="button-outlined search-more"
                  onClick={() => setLimit({ key: listKey(), count: visible().length + PAGE })}
                >
                  {t('search.more')}
                </button>
              </Show>
            </Show>
          </Show>
        </Show>
      </Suspense>
    </section>
  );
}

function Results(props: { hits: Hit[]; query: string }) {
  // A Traditional reader's Simplified results, converted; found by either script (tokenize.ts).
  const shown = useReadableResults();
  return (
    <ul class="card-list">
      <For each={props.hits}>
        {(hit) => (
          <li>
            <Result hit={{ ...hit, item: shown(hit.item) }} match={matcher(props.query, hit.terms)} />
          </li>
        )}
      </For>
    </ul>
  );
}

/** Text under a result's title: where the query matched, else the usual excerpt. */
function resultText(item: Item, match: Matcher): Piece[] {
  const doc = toDoc(item);
  for (const text of [doc.summary, doc.body, doc.place, doc.people]) {
    const pieces = text && snippet(text, match);
    if (pieces) return pieces;
  }
  const fallback = excerpt(item) || doc.place || doc.people;
  return fallback ? [{ text: fallback, mark: false }] : [];
}

/** When the item happened or was published, in the interface language. */
function resultDate(item: Item): { iso: string; text: string } | undefined {
  const event = item.event;
  if (event) {
    // All-day dates are calendar days: read at UTC so no zone moves them.
    const iso = event.allDay ? `${event.start}T00:00:00Z` : event.start;
    return { iso: event.start, text: formatDate(iso, formatLocale(), event.allDay ? 'UTC' : event.timezone) };
  }
  return item.datePublished
    ? { iso: item.datePublished, text: formatDate(item.datePublished, formatLocale()) }
    : undefined;
}

function Marked(props: { pieces: Piece[] }) {
  return <For each={props.pieces}>{(piece) => (piece.mark ? <mark>{piece.text}</mark> : piece.text)}</For>;
}

/**
 * Where the query matched in `item`, in the script the item is shown in. A converted item's
 * HTML body is converted on its own page, in its DOM, so a snippet of it is still Simplified:
 * it is converted here, the Simplified one showing until then.
 */
function useResultText(item: () => Item, match: () => Matcher): () => Piece[] {
  const raw = createMemo(() => resultText(item(), match()));
  const [converted, setConverted] = createSignal<{ from: Piece[]; pieces: Piece[] }>();
  createEffect(() => {
    const from = raw();
    const language = item().language;
    if (!convertedTarget(language)) return;
    void inScriptOfAll(
      from.map((piece) => piece.text),
      language,
    ).then((texts) =>
      setConverted({ from, pieces: from.map((piece, i) => ({ ...piece, text: texts[i]! })) }),
    );
  });
  return () => {
    const done = converted();
    return done?.from === raw() ? done.pieces : raw();
  };
}

function Result(props: { hit: Hit; match: Matcher }) {
  const item = () => props.hit.item;
  const text = useResultText(item, () => props.match);
  const date = () => resultDate(item());
  // Marked when the item's language is not the interface language, as a reader would expect.
  const otherLanguage = () => {
    const language = item().language;
    return language && languageMatch(language, locale()) === 0 ? languageName(language, locale()) : undefined;
  };
  return (
    <article class="card search-hit">
      <div class="card-body">
        <h2 class="card-title" lang={item().language}>
          <a href={itemPath(item())}>
            <Marked pieces={highlight(displayTitle(item()), props.match)} />
          </a>
        </h2>
        <p class="card-meta">
          <span class="search-kind">{t(`search.kind.${item().kind}`)}</span>
          <Show when={item().event}>
            {(event) => (
              <>
                {' · '}
                <StatusBadge state={eventState(event(), now())} />
              </>
            )}
          </Show>
          <Show when={date()}>
            {(d) => (
              <>
                {' · '}
                <time datetime={d().iso}>{d().text}</time>
              </>
            )}
          </Show>
          <Show when={otherLanguage()}>
            {(name) => (
              <>
                {' · '}
                <span class="search-language">{name()}</span>
              </>
            )}
          </Show>
        </p>
        <p class="card-text" lang={item().language}>
          <Marked pieces={text()} />
        </p>
      </div>
    </article>
  );
}
