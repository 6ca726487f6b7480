/**
 * Generated items for the search benchmark: news, events and contacts, a third in Chinese.
 * Words are drawn with Zipf's law (the n-th most common word n times rarer than the first),
 * as in real text, so most words are rare and a few (the, Jiangmen, 服务) are everywhere.
 */
import type { Item } from '../packages/core/src/model';

// A deterministic pseudo-random source, so every run indexes the same items.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/**
 * Restarts the random source: each generator starts from its own seed, so what it makes does
 * not depend on what another generator drew before it in the same process.
 */
export function reseed(value: number): void {
  seed = value;
}
export const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const EN_BASE = (
  'the and of for with from new jiangmen city talent station overseas experts health hospital clinic ' +
  'doctor visa permit residence housing school family business company investment factory port ' +
  'railway train bus ferry airport hong kong macao bay area culture heritage diaolou kaiping taishan ' +
  'xinhui chenpi citrus river old town arcade museum festival spring summer autumn winter lantern ' +
  'dragon boat market food tea neutrino detector science lecture university research laboratory ' +
  'engineering biomedicine meeting forum exhibition registration service desk office centre district ' +
  'government notice holiday closure opening hours weather typhoon rain traffic road bridge park ' +
  'library volunteer community roots genealogy village ancestral hall language interpreter english ' +
  'chinese cantonese public free open day week month year local international visitors'
).split(' ');
// Inflected and compound forms make a vocabulary of realistic size (about 900 words).
const EN_WORDS = EN_BASE.flatMap((word, i) =>
  i < 7 ? [word] : [word, `${word}s`, `${word}ing`, `${word}ed`, `${word}er`, `${word}al`, `re${word}`],
);
const ZH_WORDS = (
  '服务 江门 人才 驿站 海外 专家 健康 医院 诊所 医生 签证 许可 居留 住房 学校 家庭 企业 公司 投资 工厂 港口 铁路 ' +
  '火车 公交 轮渡 机场 香港 澳门 大湾区 文化 遗产 碉楼 开平 台山 新会 陈皮 柑橘 潭江 古镇 骑楼 博物馆 ' +
  '节日 春季 夏季 秋季 冬季 灯会 龙舟 市场 美食 茶叶 中微子 探测器 科学 讲座 大学 研究 实验室 工程 ' +
  '生物医药 会议 论坛 展览 报名 窗口 办公室 中心 区 政府 通知 假期 关闭 开放 时间 天气 台风 ' +
  '下雨 交通 道路 桥梁 公园 图书馆 志愿者 社区 寻根 族谱 村庄 祠堂 语言 翻译 英语 普通话 粤语 国际 ' +
  '市民 游客 免费 每周 本月 今年 本地 新居民 欢迎 活动 安排 办理 提供 帮助 对接 合作 项目 侨乡 华侨 ' +
  '留学 创业 就业 培训 招聘 工资 保险 医保 社保 养老 教育 幼儿园 考试 比赛 演出 音乐 电影 体育 足球 ' +
  '篮球 跑步 徒步 骑行 海滩 温泉 酒店 餐厅 早茶 小吃 特产 购物 超市 银行 邮局 派出所 消防 应急 安全'
).split(' ');

/** A Zipf sampler over `words` in their given order of commonness. */
function zipf(words: readonly string[]): () => string {
  const cumulative: number[] = [];
  let total = 0;
  words.forEach((_, i) => cumulative.push((total += 1 / (i + 1))));
  return () => {
    const r = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < r) low = mid + 1;
      else high = mid;
    }
    return words[low]!;
  };
}
const enWord = zipf(EN_WORDS);
const zhWord = zipf(ZH_WORDS);

/** A sentence of `words` Zipf-drawn words, in Chinese or English. */
export function sentence(zh: boolean, words: number): string {
  const parts = Array.from({ length: words }, () => (zh ? zhWord() : enWord()));
  return zh ? `${parts.join('')}。` : `${parts.join(' ')}.`;
}

/** `n` items: news, events and contacts; every third in Chinese, linked to its translation. */
export function generate(n: number): Item[] {
  reseed(42);
  const kinds = ['news', 'news', 'news', 'event', 'contact'] as const;
  return Array.from({ length: n }, (_, i) => {
    const zh = i % 3 === 2;
    const kind = kinds[i % kinds.length]!;
    const body = Array.from({ length: 6 }, () => sentence(zh, zh ? 8 : 14)).join(' ');
    const item: Item = {
      id: `item-${i}`,
      kind,
      key: `item-${i}`,
      title: sentence(zh, zh ? 5 : 7).slice(0, -1),
      summary: sentence(zh, zh ? 10 : 18),
      contentHtml: `<p>${body}</p><p>${sentence(zh, 10)}</p>`,
      datePublished: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      authors: [],
      tags: [pick(['talent', 'health', 'culture', 'transport', 'science', 'services'])],
      language: zh ? 'zh-Hans' : 'en',
      attachments: [],
      translations: zh ? [{ language: 'en', id: `item-${i - 1}` }] : [],
      sortTime: Date.UTC(2026, 0, 1) + i * 3_600_000,
    };
    if (kind === 'event') {
      item.event = {
        start: '2027-03-09T09:00:00+08:00',
        timezone: 'Asia/Shanghai',
        allDay: false,
        status: 'scheduled',
        venue: { name: sentence(zh, 3), address: sentence(false, 5) },
        contacts: [],
      };
    }
    if (kind === 'contact') {
      item.contact = {
        name: sentence(zh, 3),
        organization: sentence(zh, 4),
        role: sentence(zh, 2),
        languages: ['en'],
      };
    }
    return item;
  });
}
