import type { CoreCatalogue } from './en';

// The app's name, from the city's configuration (citylink.config.ts; build/city.ts).
declare const __CITYLINK_SHORT_NAME_ZH_HANT__: string;

/**
 * 繁體中文介面文字：框架與首頁（見 `en.core.ts`）。
 *
 * Written for readers in Hong Kong, Taiwan, Macau and the overseas Wuyi communities, not
 * converted from the Simplified words: 載入, 設定, 搜尋, 連結, 儲存, 資訊. Where Hong Kong and
 * Taiwan say it differently, a word both read easily (連線, 螢幕), else Hong Kong's (電郵,
 * 網上), since zh-Hant formats default to Hong Kong and most Wuyi families' ties run through
 * it. Quotation marks are 「」, punctuation full-width. `zh-Hant.more.ts` follows the same rule.
 */
export const zhHantCore: CoreCatalogue = {
  app: {
    name: __CITYLINK_SHORT_NAME_ZH_HANT__,
    skipToContent: '跳至主要內容',
  },
  nav: {
    label: '主選單',
    news: '新聞',
    events: '活動',
    contacts: '聯絡',
    saved: '收藏',
    more: '更多',
  },
  list: {
    emptyNews: '目前沒有新聞。請連線上網以載入內容。',
    loading: '載入中……',
    more: '顯示更多',
    previous: '顯示較早前的內容',
    added: '已多顯示 {{ count }} 則',
  },
  item: {
    notFound: '這部裝置上沒有這則內容',
    back: '返回',
  },
  saved: {
    new: '新',
  },
  a11y: {
    documentTitle: '{{ screen }} · {{ app }}',
  },
  search: {
    title: '搜尋',
    open: '搜尋',
  },
};
