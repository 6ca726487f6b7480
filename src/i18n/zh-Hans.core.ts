import type { CoreCatalogue } from './en';

// The app's name, from the city's configuration (citylink.config.ts; build/city.ts).
declare const __CITYLINK_SHORT_NAME_ZH_HANS__: string;

/** 简体中文界面文字：框架与首页（见 `en.core.ts`）。 */
export const zhHansCore: CoreCatalogue = {
  app: {
    name: __CITYLINK_SHORT_NAME_ZH_HANS__,
    skipToContent: '跳到正文',
  },
  nav: {
    label: '栏目',
    news: '新闻',
    events: '活动',
    contacts: '联系',
    saved: '收藏',
    more: '更多',
  },
  list: {
    emptyNews: '暂无新闻。请连接网络以加载内容。',
    loading: '正在加载……',
    more: '显示更多',
    previous: '显示前面的内容',
    added: '又显示了 {{ count }} 条',
  },
  item: {
    notFound: '本机上没有这条内容',
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
