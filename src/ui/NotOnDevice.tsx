import { t } from '../i18n';
import { ErrorState } from './ErrorState';

/**
 * What an address shows when its item is not stored here (removed, or never loaded), with the
 * reason that fits: offline, it asks for a connection; online, after the feed was read, the
 * item is not in it (or the link is wrong); online but the feed could not be read, to try again.
 */
export function NotOnDevice(props: { reason: 'offline' | 'not-in-feed' | 'not-loaded' }) {
  return (
    <ErrorState
      title={t('item.notFound')}
      action={
        <p>
          <a href="/" class="button-outlined">
            {t('notFound.home')}
          </a>
        </p>
      }
    >
      {props.reason === 'offline'
        ? t('item.notFoundHint')
        : props.reason === 'not-loaded'
          ? t('item.notLoaded')
          : t('item.notInFeed')}
    </ErrorState>
  );
}
