/**
 * The app's line icons, drawn on a 24-unit grid in the current text colour. Decorative:
 * every control that shows one also says what it does in words.
 */
const PATHS = {
  news: 'M4 5h16v14H4zM7 8h10M7 12h10M7 16h6',
  events: 'M5 6h14v14H5zM5 10h14M9 4v4M15 4v4',
  contacts: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 20c1-4 4-6 8-6s7 2 8 6',
  saved: 'M6 3h12v18l-6-4.5L6 21z',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  search: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5 20 20',
  // Safari's Share symbol: a box with an arrow out of its top.
  iosShare: 'M12 3v12M8 7l4-4 4 4M7 10H5v11h14V10h-2',
  // The "Add to Home Screen" symbol: a plus in a rounded square.
  iosAdd: 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM12 8v8M8 12h8',
} as const;

/** Names of the icons there are. */
export type IconName = keyof typeof PATHS;

/** One icon; `filled` fills its shape too (a saved item's bookmark). */
export function Icon(props: { name: IconName; size?: number; filled?: boolean; class?: string }) {
  return (
    <svg
      class={props.class}
      viewBox="0 0 24 24"
      width={props.size ?? 24}
      height={props.size ?? 24}
      aria-hidden="true"
    >
      <path
        d={PATHS[props.name]}
        fill={props.filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
