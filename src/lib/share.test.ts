import { describe, expect, it, vi } from 'vitest';
import { copyText, shareLink } from './share';

const link = { title: 'Rail links', url: 'https://citylink.example.org/news/rail-links' };

describe('shareLink', () => {
  it('hands title and link to the share sheet when there is one', async () => {
    const share = vi.fn(() => Promise.resolve());
    const writeText = vi.fn(() => Promise.resolve());
    expect(await shareLink(link, { share, clipboard: { writeText } })).toBe('shared');
    expect(share).toHaveBeenCalledWith({ title: link.title, url: link.url });
    expect(writeText).not.toHaveBeenCalled();
  });

  it('says nothing and copies nothing when the user closes the sheet', async () => {
    const share = vi.fn(() => Promise.reject(new DOMException('Share canceled', 'AbortError')));
    const writeText = vi.fn(() => Promise.resolve());
    expect(await shareLink(link, { share, clipboard: { writeText } })).toBe('cancelled');
    expect(writeText).not.toHaveBeenCalled();
  });

  it('copies the link when the share sheet refuses', async () => {
    const share = vi.fn(() => Promise.reject(new DOMException('No activation', 'NotAllowedError')));
    const writeText = vi.fn(() => Promise.resolve());
    expect(await shareLink(link, { share, clipboard: { writeText } })).toBe('copied');
    expect(writeText).toHaveBeenCalledWith(link.url);
  });

  it('copies the link when the browser has no share sheet or cannot share it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    expect(await shareLink(link, { clipboard: { writeText } })).toBe('copied');
    const share = vi.fn(() => Promise.resolve());
    expect(await shareLink(link, { share, canShare: () => false, clipboard: { writeText } })).toBe('copied');
    expect(share).not.toHaveBeenCalled();
    expect(writeText).toHaveBeenCalledTimes(2);
  });

  it('fails, without throwing, when the clipboard is refused or missing', async () => {
    const writeText = vi.fn(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')));
    expect(await shareLink(link, { clipboard: { writeText } })).toBe('failed');
    expect(await shareLink(link, {})).toBe('failed');
    expect(await copyText(link.url, {})).toBe(false);
  });
});
