import { Show } from 'solid-js';
import { t } from '../i18n';
import { mapLinks, type Place } from '../lib/maps';
import { BottomSheet } from './BottomSheet';
import { Icon } from './Icon';

/**
 * "Directions": one action that opens a sheet with the ways to get there: the phone's map app,
 * Amap (which works in mainland China) and OpenStreetMap. The app itself never loads map tiles.
 * Nothing when the place has neither coordinates nor an address.
 */
export function Directions(props: { place: Place; class: string }) {
  const links = () => mapLinks(props.place);
  return (
    <Show when={links().geo}>
      {(geo) => (
        <BottomSheet
          buttonClass={`${props.class} directions-button`}
          button={
            <>
              <Icon name="directions" size={20} />
              {t('contacts.directions')}
            </>
          }
          title={t('contacts.directions')}
          closeLabel={t('contacts.close')}
        >
          <p class="muted">
            <Show when={props.place.name}>{(name) => <span class="local-address">{name()}</span>}</Show>
            <Show when={props.place.addressLocal}>
              {(local) => (
                <span class="local-address" lang="zh-Hans">
                  {local()}
                </span>
              )}
            </Show>
          </p>
          <ul class="sheet-list">
            <li>
              <a href={geo()}>
                <Icon name="directions" />
                {t('contacts.mapApp')}
              </a>
            </li>
            <Show when={links().amap}>
              {(href) => (
                <li>
                  <a href={href()} target="_blank" rel="noopener noreferrer">
                    <Icon name="external" />
                    {t('contacts.amap')}
                  </a>
                </li>
              )}
            </Show>
            <Show when={links().osm}>
              {(href) => (
                <li>
                  <a href={href()} target="_blank" rel="noopener noreferrer">
                    <Icon name="external" />
                    {t('contacts.osm')}
                  </a>
                </li>
              )}
            </Show>
          </ul>
        </BottomSheet>
      )}
    </Show>
  );
}
