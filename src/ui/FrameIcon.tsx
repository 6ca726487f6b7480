/**
 * The line icons of the frame (the app bar and the tab bar), drawn on a 24-unit grid in the
 * current text colour, and the drawing of every icon (`SvgIcon`). Decorative: every control
 * that shows one also says what it does in words. The other icons are in `Icon.tsx`, so the
 * code the home screen needs before it is interactive carries only these (issue 10).
 */
export const FRAME_PATHS = {
  news: 'M4 5h16v14H4zM7 8h10M7 12h10M7 16h6',
  events: 'M5 6h14v14H5zM5 10h14M9 4v4M15 4v4',
  contacts: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 20c1-4 4-6 8-6s7 2 8 6',
  saved: 'M6 3h12v18l-6-4.5L6 21z',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  search: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5 20 20',
  // The app bar's back control: an arrow pointing to the start of the line.
  back: 'M20 12H4M10 6l-6 6 6 6',
} as const;

/** Names of the frame's icons. */
export type FrameIconName = keyof typeof FRAME_PATHS;

interface IconProps {
  size?: number;
  /** Fills the shape too (a saved item's bookmark). */
  filled?: boolean;
  class?: string;
}

/** One icon of the frame. */
export function FrameIcon(props: IconProps & { name: FrameIconName }) {
  return (
    <SvgIcon path={FRAME_PATHS[props.name]} size={props.size} filled={props.filled} class={props.class} />
  );
}

/** An icon drawn from its path. */
export function SvgIcon(props: IconProps & { path: string }) {
  return (
    <svg
      class={props.class}
      viewBox="0 0 24 24"
      width={props.size ?? 24}
      height={props.size ?? 24}
      aria-hidden="true"
    >
      <path
        d={props.path}
        fill={props.filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
