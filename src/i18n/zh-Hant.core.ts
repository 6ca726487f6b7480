import type { CoreCatalogue } from './en';

// The app's name, from the city's configuration (citylink.config.ts; build/city.ts).
declare const __CITYLINK_SHORT_NAME_ZH_HANT__: string;

/** 繁體中文介面文字：框架與首頁（見 `en.core.ts`）。 */
export const zhHantCore: CoreCatalogue = {
  app: {
    name: __CITYLINK_SHORT_NAME_ZH_HANT__,
    skipToContent: '跳到正文',
  },
  nav: {
    label: '欄目',
    news: '新聞',
    events: '活動',
    contacts: '聯繫',
    saved: '收藏',
    more: '更多',
  },
  list: {
    emptyNews: '暫無新聞。請連接網絡以加載內容。',
    loading: '正在加載……',
    more: '顯示更多',
    previous: '顯示前面的內容',
    added: '又顯示了 {{ count }} 條',
  },
  item: {
    notFound: '本機上沒有這條內容',
    back: '返回',
  },
  saved: {
    new: '新',
  },
  a11y: {
    documentTitle: '{{ screen }} · {{ app }}',
  },
  search: {
    title: '搜索',
    open: '搜索',
  },
};
