// Harbourton, a fictional city: the second city the tests build (tests/e2e/harbourton.spec.ts),
// from nothing but this file, its content folder and its icon.
import { defineCity } from '../../../build/city';

export default defineCity({
  city: { en: 'Harbourton', 'zh-Hans': '港湾市', 'zh-Hant': '港灣市' },
  app: {
    name: { en: 'Citylink Harbourton', 'zh-Hans': '港湾城市通', 'zh-Hant': '港灣城市通' },
    shortName: { en: 'Citylink', 'zh-Hans': '城市通', 'zh-Hant': '城市通' },
  },
  description: {
    en: "Harbourton's news, events and contacts, online or offline.",
    'zh-Hans': '港湾市的新闻、活动和联系方式，有没有网络都能看。',
    'zh-Hant': '港灣市的新聞、活動和聯絡方式，有沒有網路都能看。',
  },
  siteUrl: 'https://harbourton.example',
  feed: { from: 'content', folder: 'tests/cities/harbourton/content' },
  languages: ['en', 'zh-Hant'],
  timeZone: 'America/Vancouver',
  place: { lat: 49.28, lon: -123.12, country: 'ca', state: 'British Columbia' },
  colours: { light: '#1d4f91', dark: '#a8c8ff' },
  icon: 'tests/cities/harbourton/public/icon.svg',
  publicDir: 'tests/cities/harbourton/public',
  imageHosts: ['images.harbourton.example'],
  pushUrl: 'https://push.harbourton.example/push/',
});
