import { describe, expect, it } from 'vitest';
import type { FeedMeta, Item } from '@citylink/core/model';
import { localized, tagLabel } from '@citylink/core/translations';
import { readable, readableMeta, toTraditional } from './traditional';

function item(over: Partial<Item>): Item {
  return {
    id: 'x',
    kind: 'news',
    key: 'x',
    authors: [],
    tags: [],
    attachments: [],
    translations: [],
    sortTime: 0,
    language: 'zh-Hans',
    ...over,
  };
}

describe('toTraditional', () => {
  it('converts by phrases, to Hong Kong’s or Taiwan’s standard', async () => {
    expect(await toTraditional(['头发和发展', '江门侨务信息'], 'hk')).toEqual(['頭髮和發展', '江門僑務信息']);
    expect(await toTraditional(['里面着急'], 'hk')).toEqual(['裏面着急']);
    expect(await toTraditional(['里面着急'], 'tw')).toEqual(['裡面著急']);
    expect(await toTraditional([], 'hk')).toEqual([]);
  });
});

describe('readable', () => {
  const event = item({
    id: 'e',
    kind: 'event',
    title: '开平碉楼参观',
    summary: '欢迎海外乡亲',
    contentText: '请带身份证',
    authors: [{ name: '侨务局', url: 'https://example.cn/侨务' }],
    attachments: [{ url: 'https://example.cn/a.pdf', mimeType: 'application/pdf', title: '报名表' }],
    event: {
      start: '2026-12-20T09:00:00+08:00',
      timezone: 'Asia/Shanghai',
      allDay: false,
      status: 'scheduled',
      venue: {
        name: '侨乡博物馆',
        nameLocal: '侨乡博物馆',
        address: '江门市蓬江区',
        addressLocal: '江门市蓬江区',
      },
      contacts: [
        { ref: 'c' },
        {
          inline: {
            name: '李经理',
            role: '联络员',
            hours: '周一至周五',
            phone: '+86 750 123 4567',
            email: 'li@jiangmen.gov.cn',
            wechat: 'jm_qiao侨',
            website: 'https://jiangmen.gov.cn/侨务',
            address: '江门市',
            addressLocal: '江门市',
            languages: ['zh-Hans'],
          },
        },
      ],
    },
  });

  it('converts the prose of a Simplified item for a Traditional reader, and marks it converted', async () => {
    const [shown] = await readable([event], 'zh-Hant', { target: 'hk' });
    expect(shown!.language).toBe('zh-Hant-HK-t-zh-hans');
    expect(shown!.title).toBe('開平碉樓參觀');
    expect(shown!.summary).toBe('歡迎海外鄉親');
    expect(shown!.contentText).toBe('請帶身份證');
    expect(shown!.authors[0]).toEqual({ name: '僑務局', url: 'https://example.cn/侨务' });
    expect(shown!.attachments[0]!.title).toBe('報名表');
    expect(shown!.event!.venue).toEqual({
      name: '僑鄉博物館',
      address: '江門市蓬江區',
      // The driver's copy stays local.
      nameLocal: '侨乡博物馆',
      addressLocal: '江门市蓬江区',
    });
    expect(shown!.event!.contacts[0]).toEqual({ ref: 'c' });
    expect(shown!.event!.contacts[1]).toEqual({
      inline: {
        name: '李經理',
        role: '聯絡員',
        hours: '週一至週五',
        // Never a number, an address of a page, an e-mail, a WeChat id or the local address.
        phone: '+86 750 123 4567',
        email: 'li@jiangmen.gov.cn',
        wechat: 'jm_qiao侨',
        website: 'https://jiangmen.gov.cn/侨务',
        address: '江門市',
        addressLocal: '江门市',
        languages: ['zh-Hans'],
      },
    });
    // The stored item is left as it is.
    expect(event.title).toBe('开平碉楼参观');
    expect(event.event!.venue!.name).toBe('侨乡博物馆');
    expect((event.event!.contacts[1] as { inline: { name: string } }).inline.name).toBe('李经理');
  });

  it('converts a contact’s fields, and leaves its number, e-mail, WeChat id and site', async () => {
    const contact = item({
      kind: 'contact',
      title: '五邑侨务服务站',
      contact: {
        name: '五邑侨务服务站',
        organization: '江门市侨联',
        role: '接待处',
        phone: '0750-3333333',
        email: 'qiao@jm.cn',
        wechat: 'wuyi_qiao',
        website: 'https://jm.cn/联系',
        hours: '工作日 上午',
        openingHours: 'Mo-Fr 09:00-12:00',
        address: '江门市蓬江区',
        addressLocal: '江门市蓬江区',
        languages: ['zh-Hans', 'yue'],
      },
    });
    const [shown] = await readable([contact], 'zh-Hant', { target: 'tw' });
    expect(shown!.language).toBe('zh-Hant-TW-t-zh-hans');
    expect(shown!.contact).toEqual({
      ...contact.contact,
      name: '五邑僑務服務站',
      organization: '江門市僑聯',
      role: '接待處',
      hours: '工作日 上午',
      address: '江門市蓬江區',
    });
  });

  it('leaves Traditional, English and other readers’ items as they are', async () => {
    const hant = item({ id: 't', title: '江門', language: 'zh-Hant' });
    const en = item({ id: 'e', title: 'Jiangmen', language: 'en' });
    const hans = item({ id: 's', title: '江门' });
    const out = await readable([hant, en, hans], 'zh-Hant', { target: 'hk' });
    expect(out[0]).toBe(hant);
    expect(out[1]).toBe(en);
    expect(out[2]!.title).toBe('江門');
    expect((await readable([hans], 'zh-Hans'))[0]).toBe(hans);
    expect((await readable([hans], 'en'))[0]).toBe(hans);
  });

  it('reads an item with no language as the feed’s', async () => {
    const bare = item({ title: '江门' });
    delete bare.language;
    expect((await readable([bare], 'zh-Hant', { target: 'hk' }))[0]!.title).toBe('江门');
    expect((await readable([bare], 'zh-Hant', { target: 'hk', feedLanguage: 'zh-Hans' }))[0]!.title).toBe(
      '江門',
    );
  });

  it('as list entries, converts the excerpt of an HTML body rather than the body', async () => {
    const article = item({ title: '通知', contentHtml: '<p>关于<b>侨务</b>工作的说明</p>' });
    const [entry] = await readable([article], 'zh-Hant', { target: 'hk', entries: true });
    expect(entry!.contentHtml).toBeUndefined();
    expect(entry!.contentText).toBe('關於 僑務 工作的説明');
  });

  it('converts 5,000 items in one call', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) =>
      item({ id: `n${i}`, title: `江门新闻第${i}条`, summary: '侨乡信息' }),
    );
    const out = await readable(many, 'zh-Hant', { target: 'hk' });
    expect(out).toHaveLength(5_000);
    expect(out[4_999]!.title).toBe('江門新聞第4999條');
    expect(out.every((shown) => shown.summary === '僑鄉信息')).toBe(true);
  });
});

describe('readableMeta', () => {
  const meta: FeedMeta = {
    title: 'Jiangmen',
    expired: false,
    languages: ['zh-Hans', 'en'],
    cityNames: { en: 'Jiangmen', 'zh-Hans': '江门' },
    tagLabels: {
      jobs: { en: 'Jobs', 'zh-Hans': '人才招聘' },
      culture: { 'zh-Hant': '文化', 'zh-Hans': '文化' },
    },
  };

  it('adds converted labels that a Traditional reader then reads', async () => {
    const shown = await readableMeta(meta, 'zh-Hant', 'hk');
    expect(localized(shown?.cityNames, 'zh-Hant')).toBe('江門');
    expect(tagLabel(shown, 'jobs', 'zh-Hant')).toBe('人才招聘');
    expect(shown?.tagLabels?.jobs).toHaveProperty('zh-Hant-HK-t-zh-hans');
    // Written in Traditional already: nothing added.
    expect(shown?.tagLabels?.culture).toEqual(meta.tagLabels!.culture);
    expect(await readableMeta(meta, 'zh-Hans', 'hk')).toBe(meta);
    expect(await readableMeta(null, 'zh-Hant', 'hk')).toBeNull();
  });
});
