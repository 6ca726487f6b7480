import { describe, expect, it } from 'vitest';
import { mapLinks } from './maps';

const station = {
  name: 'Jiangmen Foreign Talent Station',
  address: '1 Example Road, Pengjiang, Jiangmen',
  addressLocal: '江门市蓬江区示例路1号',
  lat: 22.579,
  lon: 113.081,
};

describe('mapLinks with coordinates', () => {
  it('builds geo, OpenStreetMap and Amap links to the point', () => {
    expect(mapLinks(station)).toEqual({
      geo: 'geo:22.579,113.081?q=22.579,113.081(Jiangmen%20Foreign%20Talent%20Station)',
      osm: 'https://www.openstreetmap.org/?mlat=22.579&mlon=113.081#map=17/22.579/113.081',
      amap:
        'https://uri.amap.com/marker?position=113.081,22.579' +
        '&name=Jiangmen%20Foreign%20Talent%20Station&coordinate=wgs84&callnative=1&src=citylink',
    });
  });

  it('labels the point with the local address when there is no name, and with nothing when neither', () => {
    const { geo, amap } = mapLinks({ lat: 22.579, lon: 113.081, addressLocal: '江门市' });
    expect(geo).toBe('geo:22.579,113.081?q=22.579,113.081(%E6%B1%9F%E9%97%A8%E5%B8%82)');
    expect(amap).toBe(
      'https://uri.amap.com/marker?position=113.081,22.579&name=%E6%B1%9F%E9%97%A8%E5%B8%82&coordinate=wgs84&callnative=1&src=citylink',
    );
    expect(mapLinks({ lat: -33.5, lon: -70.25 })).toEqual({
      geo: 'geo:-33.5,-70.25?q=-33.5,-70.25',
      osm: 'https://www.openstreetmap.org/?mlat=-33.5&mlon=-70.25#map=17/-33.5/-70.25',
      amap: 'https://uri.amap.com/marker?position=-70.25,-33.5&coordinate=wgs84&callnative=1&src=citylink',
    });
  });

  it('accepts the bounds and writes tiny or long numbers as plain decimals', () => {
    expect(mapLinks({ lat: 90, lon: -180 }).osm).toBe(
      'https://www.openstreetmap.org/?mlat=90&mlon=-180#map=17/90/-180',
    );
    expect(mapLinks({ lat: 1e-7, lon: 113.08123456789 }).geo).toBe('geo:0,113.081235?q=0,113.081235');
  });

  it('encodes a hostile name so it cannot leave its parameter or the label', () => {
    const links = mapLinks({ lat: 22.5, lon: 113, name: `A&B #1 "x" 'y' (z)\n\r\tjavascript:alert(1)` });
    expect(links).toEqual({
      geo: 'geo:22.5,113?q=22.5,113(A%26B%20%231%20%22x%22%20%27y%27%20%28z%29%20javascript%3Aalert%281%29)',
      osm: 'https://www.openstreetmap.org/?mlat=22.5&mlon=113#map=17/22.5/113',
      amap:
        'https://uri.amap.com/marker?position=113,22.5' +
        '&name=A%26B%20%231%20%22x%22%20%27y%27%20%28z%29%20javascript%3Aalert%281%29' +
        '&coordinate=wgs84&callnative=1&src=citylink',
    });
    // A URL parser gets the whole name back from its one parameter, and nothing else.
    const amap = new URL(links.amap ?? '');
    expect(amap.searchParams.get('name')).toBe(`A&B #1 "x" 'y' (z) javascript:alert(1)`);
    expect([...amap.searchParams.keys()]).toEqual(['position', 'name', 'coordinate', 'callnative', 'src']);
    expect(amap.hash).toBe('');
  });

  it('survives a lone surrogate instead of throwing', () => {
    expect(mapLinks({ lat: 1, lon: 2, name: 'a\uD800b' }).geo).toBe('geo:1,2?q=1,2(a%EF%BF%BDb)');
  });
});

describe('mapLinks without usable coordinates', () => {
  it('searches for the local address first', () => {
    expect(mapLinks({ ...station, lat: undefined, lon: undefined })).toEqual({
      geo: 'geo:0,0?q=%E6%B1%9F%E9%97%A8%E5%B8%82%E8%93%AC%E6%B1%9F%E5%8C%BA%E7%A4%BA%E4%BE%8B%E8%B7%AF1%E5%8F%B7',
      osm: 'https://www.openstreetmap.org/search?query=%E6%B1%9F%E9%97%A8%E5%B8%82%E8%93%AC%E6%B1%9F%E5%8C%BA%E7%A4%BA%E4%BE%8B%E8%B7%AF1%E5%8F%B7',
      amap: 'https://uri.amap.com/search?keyword=%E6%B1%9F%E9%97%A8%E5%B8%82%E8%93%AC%E6%B1%9F%E5%8C%BA%E7%A4%BA%E4%BE%8B%E8%B7%AF1%E5%8F%B7&callnative=1&src=citylink',
    });
  });

  it('falls back to the English address, with whitespace collapsed and hostile characters encoded', () => {
    expect(
      mapLinks({ address: '  12 A&B Rd #3,\n  Jiangmen (javascript:x)  ', addressLocal: ' \n ' }),
    ).toEqual({
      geo: 'geo:0,0?q=12%20A%26B%20Rd%20%233%2C%20Jiangmen%20%28javascript%3Ax%29',
      osm: 'https://www.openstreetmap.org/search?query=12%20A%26B%20Rd%20%233%2C%20Jiangmen%20%28javascript%3Ax%29',
      amap: 'https://uri.amap.com/search?keyword=12%20A%26B%20Rd%20%233%2C%20Jiangmen%20%28javascript%3Ax%29&callnative=1&src=citylink',
    });
  });

  it('treats out-of-range, non-finite or half-missing coordinates as missing', () => {
    const search = 'https://www.openstreetmap.org/search?query=Jiangmen';
    for (const [lat, lon] of [
      [91, 113],
      [-90.0001, 113],
      [22, 180.5],
      [22, -181],
      [Number.NaN, 113],
      [22, Number.POSITIVE_INFINITY],
      [22, undefined],
      [undefined, 113],
    ]) {
      expect(mapLinks({ lat, lon, address: 'Jiangmen' }).osm).toBe(search);
    }
  });

  it('gives no links when there is neither a point nor an address', () => {
    expect(mapLinks({})).toEqual({});
    expect(mapLinks({ name: 'Somewhere', address: '   ', lat: 200, lon: 0 })).toEqual({});
  });
});
