/** English interface text; the shape every other catalogue must match. */
export const en = {
  app: {
    name: 'Citylink',
    skipToContent: 'Skip to content',
    sampleData: 'Sample data: the demo feed is written for this app and is not official information.',
  },
  nav: {
    label: 'Sections',
    news: 'News',
    events: 'Events',
    contacts: 'Contacts',
    more: 'More',
  },
  status: {
    offline: 'You are offline. Everything saved on this device still opens.',
    updated: 'Updated {{ when }}',
    neverUpdated: 'Not updated yet',
    refresh: 'Refresh',
    refreshing: 'Refreshing…',
    upToDate: 'Up to date',
    newItems: 'Feed updated',
    justNow: 'just now',
    label: 'Feed status',
  },
  syncError: {
    offline: 'Could not reach the feed. Showing what is saved on this device.',
    timeout: 'The feed took too long to answer. Showing what is saved on this device.',
    http: 'The feed server answered with an error. Showing what is saved on this device.',
    invalid: 'The feed could not be read. Nothing saved was lost.',
    'storage-full':
      'This device is out of storage space. Nothing saved was lost; free some space and refresh.',
    storage: 'The app could not save to this device. Nothing saved was lost.',
  },
  list: {
    emptyNews: 'No news yet. Connect to the internet to load the feed.',
    emptyEvents: 'No events yet.',
    emptyContacts: 'No contacts yet.',
    loading: 'Loading…',
  },
  item: {
    by: 'By {{ names }}',
    published: 'Published',
    updated: 'Updated',
    original: 'Read the original',
    notFound: 'This item is not on this device',
    notFoundHint:
      'It may have been removed from the feed, or not loaded yet. Connect to the internet and refresh.',
    back: 'Back',
    language: 'Language: {{ language }}',
    otherLanguages: 'Also in',
  },
  events: {
    upcoming: 'Upcoming',
    past: 'Past',
    when: 'When',
    yourTime: 'Your time',
    allDay: 'All day',
    venue: 'Venue',
    contacts: 'Contacts',
    register: 'Register',
    status: {
      scheduled: 'Scheduled',
      cancelled: 'Cancelled',
      postponed: 'Postponed',
      'moved-online': 'Moved online',
    },
  },
  contacts: {
    phone: 'Phone',
    email: 'Email',
    wechat: 'WeChat',
    website: 'Website',
    hours: 'Hours',
    address: 'Address',
    languages: 'Languages',
  },
  more: {
    title: 'More',
    feed: 'Feed',
    feedName: 'Name',
    feedAddress: 'Address',
    lastSync: 'Last successful update',
    lastError: 'Last problem',
    skipped: '{{ count }} items in the feed could not be read and were skipped.',
    about: 'About Citylink',
    aboutText:
      'Citylink carries the city’s news, events and contacts to your phone and keeps them there, so they open with or without a network.',
  },
  pwa: {
    updateAvailable: 'Update available',
    reload: 'Reload',
    offlineReady: 'Ready to work offline',
    dismiss: 'OK',
  },
  notFound: {
    title: 'Page not found',
    home: 'Go to the news',
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape of a catalogue: every key of the English one, each a string. */
export type Catalogue = Widen<typeof en>;
