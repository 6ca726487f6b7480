/**
 * QR codes made on the device, offline, by `uqr`: the symbol as one SVG path so that it scales
 * to any size without blur and costs a single DOM node.
 */
import { encode } from 'uqr';

/** A QR symbol: its width in modules (quiet zone included) and the dark modules as a path. */
export interface QrShape {
  size: number;
  path: string;
}

/** The four-module quiet zone the QR standard asks for; scanners miss codes without it. */
export const QUIET_ZONE = 4;

/**
 * The QR symbol for `text`. Level M error correction, raised for free when the version has room:
 * screens add glare and moiré, and a projected code is often filmed at an angle.
 */
export function qrShape(text: string): QrShape {
  const { data, size } = encode(text, { ecc: 'M', boostEcc: true, border: QUIET_ZONE });
  let path = '';
  data.forEach((row, y) => {
    // Runs of dark modules become one rectangle each: a much shorter path than one per module.
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      const start = x;
      while (x + 1 < size && row[x + 1]) x++;
      path += `M${start} ${y}h${x + 1 - start}v1h${start - x - 1}z`;
    }
  });
  return { size, path };
}
