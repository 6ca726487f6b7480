/**
 * What each list keeps for a return through the history (src/app/history.ts), apart from the
 * rest of that code: lists register here as they are created, on the home screen too, while
 * `history.ts` loads after the first screen is interactive (issue 10).
 */

const providers = new Map<string, () => unknown>();
/** Set by `history.ts` once it runs; until then nothing can have been left to come back to. */
let recall: (name: string) => unknown = () => undefined;

/**
 * What the list named `name` kept when the reader left the current entry; undefined unless the
 * reader has just come back to it through the history. Read it when the list is created.
 */
export function recallPart<T>(name: string): T | undefined {
  return recall(name) as T | undefined;
}

/** Registers what a list keeps when the reader leaves its screen; call in the list's component. */
export function keepPart(name: string, get: () => unknown): () => void {
  providers.set(name, get);
  return () => {
    if (providers.get(name) === get) providers.delete(name);
  };
}

/** For `history.ts`: what the lists on screen keep, now. */
export function keptParts(): Map<string, unknown> {
  return new Map([...providers].map(([name, get]) => [name, get()]));
}

/** For `history.ts`: how a list's kept part is found. */
export function setRecall(find: (name: string) => unknown): void {
  recall = find;
}
