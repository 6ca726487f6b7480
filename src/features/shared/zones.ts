import { cityName } from '@citylink/core/translations';
import { locale, t } from '../../i18n';
import { zoneName } from '@citylink/core/event-time';
import { deviceZone } from '../../lib/hydration';
import type { Zones } from '../../ui/whose-time';
import { useReadableMeta } from './readable';

/**
 * The zones to tell a time written in `zone` with (src/ui/whose-time.ts): the feed's own zone
 * is named after its city in the reader's language ("Jiangmen time" / "江门时间"), any other
 * by its name; the reader's zone once the device's may show.
 */
export function useZones(): (zone: string) => Zones {
  const meta = useReadableMeta();
  return (zone) => {
    const city = zone === meta()?.timezone ? cityName(meta(), locale()) : undefined;
    return {
      zone,
      name: city ? t('time.city', { city }) : zoneName(locale(), zone),
      reader: deviceZone(),
    };
  };
}
