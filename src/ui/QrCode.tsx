import { createMemo } from 'solid-js';
import { qrShape } from '../lib/qr';

/**
 * A QR code as crisp SVG, black on white in every theme: scanners expect dark modules on a
 * light ground, and the white quiet zone is part of the image.
 */
export function QrCode(props: { text: string; label: string }) {
  const shape = createMemo(() => qrShape(props.text));
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${shape().size} ${shape().size}`}
      shape-rendering="crispEdges"
    >
      <rect width={shape().size} height={shape().size} fill="#fff" />
      <path d={shape().path} fill="#000" />
    </svg>
  );
}
