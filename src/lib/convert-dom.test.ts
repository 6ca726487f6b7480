// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { convertTextNodes } from './convert-dom';
import { createSanitizer } from './sanitize';

/** Every element under `root` with its attributes, in document order. */
function shape(root: Element): string[] {
  return [...root.querySelectorAll('*')].map(
    (element) =>
      `${element.localName} ${[...element.attributes].map((attribute) => `${attribute.name}=${attribute.value}`).join(' ')}`,
  );
}

describe('convertTextNodes', () => {
  // Hostile feed HTML: markup written as text, a script, handlers, links and ids in Chinese.
  const hostile = [
    '<h2 id="jm">江门侨务</h2>',
    '<p>请看 &lt;img src=x onerror=alert(1)&gt; 和 &lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;。</p>',
    '<p><a href="https://example.cn/侨务?q=江门" title="江门侨务">侨务资讯</a>',
    '<a href="#jm">回到江门</a><img src="x" onerror="alert(1)" alt="开平碉楼"></p>',
    '<script>alert("江门")</script><svg><text>发展</text></svg>',
    '<ul><li>头发</li><li>发展<b>里面</b></li></ul>',
  ].join('');

  it('converts text only: no markup appears, attributes, links and ids stay as they were', async () => {
    const root = document.createElement('div');
    root.innerHTML = createSanitizer(window, 'https://citylink.example')(hostile);
    document.body.append(root);
    const before = shape(root);
    await convertTextNodes(root, 'hk');
    expect(shape(root)).toEqual(before);
    expect(root.querySelector('script, img[onerror]')).toBeNull();
    // The markup written as text is still text.
    expect(root.querySelector('p')!.textContent).toBe(
      '請看 <img src=x onerror=alert(1)> 和 </p><script>alert(1)</script>。',
    );
    // Attributes (a link's address and title, a picture's text, ids) are untouched.
    const link = root.querySelector('a[title]')!;
    expect(link.getAttribute('href')).toBe('https://example.cn/侨务?q=江门');
    expect(link.getAttribute('title')).toBe('江门侨务');
    expect(link.textContent).toBe('僑務資訊');
    const heading = root.querySelector('h2')!;
    expect(root.querySelector(`a[href="#${heading.id}"]`)?.textContent).toBe('回到江門');
    expect(heading.textContent).toBe('江門僑務');
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['頭髮', '發展裏面']);
    root.remove();
  });

  it('leaves text that changed while it was converted', async () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>江门</p>';
    document.body.append(root);
    const converting = convertTextNodes(root, 'tw');
    root.querySelector('p')!.firstChild!.textContent = '新的内容';
    await converting;
    expect(root.textContent).toBe('新的内容');
    root.remove();
  });
});
