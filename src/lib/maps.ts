/**
 * Links that hand a place to a map app: the phone's own (geo:), OpenStreetMap, and Amap (高德地图),
 * which works in mainland China where other map services may not. Pure string building.
 */

/** What a venue or contact may say about where it is. */
export interface Place {
  lat?: number;
  lon?: number;
  name?: string;
  address?: string;
  addressLocal?: string;
}

/** The map links for a place; empty when it has neither valid coordinates nor an address. */
export interface MapLinks {
  geo?: string;
  osm?: string;
  amap?: string;
}

/** Map links to a point when the coordinates are valid, else address searches, else none. */
export function mapLinks(place: Place): MapLinks {
  const lat = coordinate(place.lat, 90);
  const lon = coordinate(place.lon, 180);
  // Chinese addresses are what local map data (and a taxi driver) matches, so they come first.
  const address = clean(place.addressLocal) ?? clean(place.address);

  if (lat !== undefined && lon !== undefined) {
    const label = clean(place.name) ?? address;
    const name = label === undefined ? '' : `&name=${encode(label)}`;
    return {
      // RFC 5870 point; `q=lat,lon(label)` is the Android convention that makes apps show a label.
      geo: `geo:${lat},${lon}?q=${lat},${lon}${label === undefined ? '' : `(${encode(label)})`}`,
      osm: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`,
      // Feeds give WGS-84; Amap draws GCJ-02 and converts when told `coordinate=wgs84`
      // (lbs.amap.com URI API, 单点标注). `callnative=1` opens the Amap app when installed.
      amap: `https://uri.amap.com/marker?position=${lon},${lat}${name}&coordinate=wgs84&callnative=1&src=citylink`,
    };
  }
  if (address !== undefined) {
    const query = encode(address);
    return {
      geo: `geo:0,0?q=${query}`,
      osm: `https://www.openstreetmap.org/search?query=${query}`,
      amap: `https://uri.amap.com/search?keyword=${query}&callnative=1&src=citylink`,
    };
  }
  return {};
}

/** A finite coordinate within ±`limit`, as plain decimal text (never "1e-7"); else undefined. */
function coordinate(value: number | undefined, limit: number): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) return undefined;
  // Six decimals is ~0.1 m; rounding also keeps String() out of exponent notation.
  return String(Number(value.toFixed(6)));
}

/** Text with whitespace runs (newlines too) collapsed and lone surrogates replaced; undefined when blank. */
function clean(text: string | undefined): string | undefined {
  // A lone surrogate would make encodeURIComponent throw.
  const collapsed = text
    ?.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\s+/g, ' ')
    .trim();
  return collapsed ? collapsed : undefined;
}

/** encodeURIComponent plus the sub-delimiters it leaves bare, so "(", ")" can't end a geo label. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
