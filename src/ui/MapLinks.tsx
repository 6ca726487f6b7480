import { Show } from 'solid-js';
import { t } from '../i18n';
import { mapLinks, type Place } from '../lib/maps';

/** Links that open the place in the phone's map apps; the app itself never loads map tiles. */
export function MapLinks(props: { place: Place }) {
  const links = () => mapLinks(props.place);
  return (
    <Show when={links().geo}>
      <p class="map-links">
        <span class="muted">{t('contacts.map')}</span>
        <a href={links().geo}>{t('contacts.mapApp')}</a>
        <Show when={links().amap}>
          {(href) => (
            <a href={href()} target="_blank" rel="noopener noreferrer">
              {t('contacts.amap')}
            </a>
          )}
        </Show>
        <Show when={links().osm}>
          {(href) => (
            <a href={href()} target="_blank" rel="noopener noreferrer">
              {t('contacts.osm')}
            </a>
          )}
        </Show>
      </p>
    </Show>
  );
}
