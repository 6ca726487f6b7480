// The app's name, from the city's configuration (citylink.config.ts; build/city.ts).
declare const __CITYLINK_SHORT_NAME_EN__: string;

/**
 * English interface text the frame and the home screen show: what loads before the home is
 * interactive (issue 10's budget). Everything else is in `en.more.ts`, loaded with the screens
 * and the parts of the frame that need it (`loadMore()` in `./index.ts`); `en.ts` joins them.
 */
export const enCore = {
  app: {
    name: __CITYLINK_SHORT_NAME_EN__,
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Sections',
    news: 'News',
    events: 'Events',
    contacts: 'Contacts',
    saved: 'Saved',
    more: 'More',
  },
  list: {
    emptyNews: 'No news yet. Connect to the internet to load the feed.',
    loading: 'Loading…',
    more: 'Show more',
    previous: 'Show previous',
    added: '{{ count }} more shown',
  },
  item: {
    notFound: 'This item is not on this device',
    back: 'Back',
  },
  saved: {
    new: 'New',
  },
  a11y: {
    documentTitle: '{{ screen }} · {{ app }}',
  },
  search: {
    title: 'Search',
    open: 'Search',
  },
} as const;
