// The city this build serves (build/city.ts says what each setting does; docs/new-city.md
// starts a new city). A fresh clone is the Jiangmen demo, with the sample feed of content/.
import { defineCity } from './build/city';

export default defineCity({
  city: { en: 'Jiangmen', 'zh-Hans': '江门', 'zh-Hant': '江門' },
  app: {
    name: { en: 'Citylink Jiangmen', 'zh-Hans': '江门城市通', 'zh-Hant': '江門城市通' },
    shortName: { en: 'Citylink', 'zh-Hans': '城市通', 'zh-Hant': '城市通' },
  },
  description: {
    en: "Jiangmen's news, events and contacts, online or offline.",
    'zh-Hans': '江门的新闻、活动和联系方式，有没有网络都能看。',
    'zh-Hant': '江門的新聞、活動和聯絡方式，離線也能看。',
  },
  // `npm start` serves the demo here; a deployment sets its own, or CITYLINK_SITE_URL.
  siteUrl: 'http://127.0.0.1:4173',
  feed: { from: 'demo' },
  languages: ['en', 'zh-Hans', 'zh-Hant'],
  timeZone: 'Asia/Shanghai',
  place: { lat: 22.579, lon: 113.081, country: 'cn', state: 'Guangdong' },
  colours: { light: '#0b6e4f', dark: '#8bd6b4' },
  icon: 'public/icon.svg',
  screenshots: true,
});
