/**
 * English interface text; the shape every other catalogue must match. It comes in two parts,
 * each a chunk of its own: `en.core.ts` (the frame and the home screen, needed before the home
 * is interactive) and `en.more.ts` (the rest). This whole catalogue is for types and tests.
 */
import { enCore } from './en.core';
import { enMore } from './en.more';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Two parts of a catalogue as one: each section holds the keys of both. */
type Joined<A, B> = {
  [K in keyof A | keyof B]: (K extends keyof A ? A[K] : unknown) & (K extends keyof B ? B[K] : unknown);
};

/** The catalogue made of its two parts, section by section. */
export function joinCatalogue<A extends object, B extends object>(core: A, more: B): Joined<A, B> {
  const joined: Record<string, object> = { ...(more as Record<string, object>) };
  for (const [section, keys] of Object.entries(core)) {
    joined[section] = { ...(joined[section] ?? {}), ...(keys as object) };
  }
  return joined as Joined<A, B>;
}

export const en = joinCatalogue(enCore, enMore);

/** The shape of each part: every key of the English one, each a string. */
export type CoreCatalogue = Widen<typeof enCore>;
export type MoreCatalogue = Widen<typeof enMore>;
/** The shape of a whole catalogue. */
export type Catalogue = Joined<CoreCatalogue, MoreCatalogue>;
