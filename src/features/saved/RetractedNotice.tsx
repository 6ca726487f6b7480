import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import { dismissNotices, retractedNotices } from './data';

/** Tells the reader which saved items their publisher withdrew (and so were removed). */
export function RetractedNotice() {
  const notices = createAsync(() => retractedNotices());
  return (
    <div role="status" class="retracted">
      <Show when={notices()?.length}>
        <div class="banner warn">
          <For each={notices()}>{(notice) => <p>{t('saved.retracted', { title: notice.title })}</p>}</For>
          <button
            type="button"
            class="button-outlined"
            // If the device refuses even this write, the notice simply stays for next time.
            onClick={() => void dismissNotices((notices() ?? []).map((n) => n.id)).catch(() => undefined)}
          >
            {t('saved.dismiss')}
          </button>
        </div>
      </Show>
    </div>
  );
}
