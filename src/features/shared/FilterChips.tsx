import { Index } from 'solid-js';

/** One chip of a filter: where it leads, what it says, and whether it is the list shown. */
export interface Chip {
  href: string;
  label: string;
  current: boolean;
  /** The language the chip's target is in, when the filter is by language. */
  hreflang?: string;
}

/**
 * A list's filter as a row of chips: links, so each filter has an address (shared, kept, and
 * working before the app has started), the one shown marked `aria-current="page"` (which
 * ClearFilter returns focus to). The first chip is the whole list.
 */
export function FilterChips(props: { label: string; all: Chip; chips: readonly Chip[] }) {
  // By position (Index), not by object: a tap makes new chip objects, and the links must stay
  // the same elements, only their marks changed, or the chip just tapped would lose focus.
  const link = (chip: () => Chip) => (
    <a
      href={chip().href}
      class="chip"
      hreflang={chip().hreflang}
      aria-current={chip().current ? 'page' : undefined}
    >
      {chip().label}
    </a>
  );
  return (
    <nav class="chips" aria-label={props.label}>
      {link(() => props.all)}
      <Index each={props.chips}>{link}</Index>
    </nav>
  );
}
