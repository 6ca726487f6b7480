/**
 * The app's line icons: the frame's (`FrameIcon.tsx`) and these, drawn the same way. Decorative:
 * every control that shows one also says what it does in words.
 */
import { FRAME_PATHS, SvgIcon } from './FrameIcon';

const PATHS = {
  ...FRAME_PATHS,
  // Safari's Share symbol: a box with an arrow out of its top.
  iosShare: 'M12 3v12M8 7l4-4 4 4M7 10H5v11h14V10h-2',
  // The "Add to Home Screen" symbol: a plus in a rounded square.
  iosAdd: 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM12 8v8M8 12h8',
  close: 'M6 6l12 12M18 6 6 18',
  // A signpost arrow, as map apps draw "directions".
  directions: 'M12 2.5 21.5 12 12 21.5 2.5 12zM9 14v-3h6M13 9l2 2-2 2',
  calendar: 'M5 6h14v14H5zM5 10h14M9 4v4M15 4v4M12 13v5M9.5 15.5h5',
  phone:
    'M6.5 3.5h3l1.5 4.5-2 1.5a11 11 0 0 0 5.5 5.5l1.5-2 4.5 1.5v3a2 2 0 0 1-2 2A16 16 0 0 1 4.5 5.5a2 2 0 0 1 2-2z',
  mail: 'M3 6h18v12H3zM3 7l9 6 9-6',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  web: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
  taxi: 'M5 17h14v-5l-2-5H7l-2 5zM5 12h14M7.5 14.5h.01M16.5 14.5h.01M6 17v2M18 17v2M10 4h4v3h-4z',
  personAdd: 'M10 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM3 20c1-4 3.5-6 7-6 1.5 0 2.8.3 3.8 1M18 14v6M15 17h6',
  share:
    'M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4',
  qr: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2',
  register: 'M6 3h9l4 4v14H6zM14 3v5h5M9 13l2 2 4-4',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  offline:
    'M3 3l18 18M8.5 16.5a5 5 0 0 1 7 0M5 12.5a10 10 0 0 1 4-2.3M19 12.5a10 10 0 0 0-2.7-1.9M2 8.8a15 15 0 0 1 4.5-2.7M22 8.8A15 15 0 0 0 11 5M12 20h.01',
  // A chevron, pointing down: a disclosure that opens below.
  expand: 'M6 9l6 6 6-6',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20.5a2 2 0 0 0 4 0',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v6M12 7.5h.01',
} as const;

/** Names of the icons there are. */
export type IconName = keyof typeof PATHS;

/** One icon; `filled` fills its shape too (a saved item's bookmark). */
export function Icon(props: { name: IconName; size?: number; filled?: boolean; class?: string }) {
  return <SvgIcon path={PATHS[props.name]} size={props.size} filled={props.filled} class={props.class} />;
}
