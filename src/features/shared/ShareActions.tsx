import { createUniqueId } from 'solid-js';
import type { Item } from '@citylink/core/model';
import { itemUrl } from '@citylink/core/paths';
import { displayTitle } from '@citylink/core/text';
import { t } from '../../i18n';
import { siteOrigin } from '../../lib/hydration';
import { ShareBar } from '../../ui/ShareBar';

/** Share and QR code for an item's canonical address on this site. */
export function ShareActions(props: { item: Item }) {
  return <ShareBar url={itemUrl(props.item, siteOrigin())} title={displayTitle(props.item)} />;
}

/** "Share Citylink": the app's own address, to send or to scan from this screen. */
export function ShareApp() {
  const heading = createUniqueId();
  return (
    // Sharing and the code are the app's work: not offered without JavaScript.
    <section class="needs-script" aria-labelledby={heading}>
      <h2 id={heading}>{t('share.appTitle')}</h2>
      <p>{t('share.appText')}</p>
      <ShareBar url={new URL('/', siteOrigin()).href} title={t('share.appName')} />
    </section>
  );
}
