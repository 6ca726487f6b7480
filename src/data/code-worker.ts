/**
 * Code too large or too slow for the page's thread, run in a dedicated worker: the conversion
 * to Traditional Chinese (src/data/traditional.ts) and the opening-hours parser
 * (src/lib/open-state.ts). Each worker starts on its first question. Its script is built apart
 * (`?worker&url`), outside the precache, and fetched through the service worker once this page
 * is controlled, so that it is kept for offline use (src/sw/on-demand.ts).
 */

/** A question to a code worker, with the id its answer carries. */
export interface CodeRequest<Ask> {
  id: number;
  ask: Ask;
}

/** A code worker's answer to the question with `id`. */
export interface CodeReply<Answer> {
  id: number;
  answer: Answer;
}

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}

/**
 * Returns the function that asks the worker of script `url` and resolves with its answer. It
 * rejects when the script cannot load (offline before it was ever kept); the next question
 * then starts a new worker, which may load. `policy` is the Trusted Types policy (listed in
 * build/csp.ts) that passes this one script and nothing else.
 */
export function codeWorker<Ask, Answer>(url: string, policy: string): (ask: Ask) => Promise<Answer> {
  type Waiting = { resolve: (answer: Answer) => void; reject: (error: Error) => void };
  let worker: Worker | undefined;
  let urlPolicy: ScriptUrlPolicy | undefined;
  let kept = false;
  let nextId = 0;
  const waiting = new Map<number, Waiting>();

  /** The script's address as Trusted Types want it at `new Worker()`. */
  const scriptUrl = () => {
    const factory = (
      globalThis as {
        trustedTypes?: {
          createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
        };
      }
    ).trustedTypes;
    urlPolicy ??= factory?.createPolicy(policy, {
      createScriptURL: (asked) => {
        if (asked !== url) throw new TypeError(`Not the script of ${policy}: ${asked}`);
        return asked;
      },
    });
    return (urlPolicy ? urlPolicy.createScriptURL(url) : url) as string;
  };

  const start = () => {
    const started = new Worker(scriptUrl());
    started.onmessage = (event: MessageEvent<CodeReply<Answer>>) => {
      waiting.get(event.data.id)?.resolve(event.data.answer);
      waiting.delete(event.data.id);
    };
    started.onerror = (event) => {
      event.preventDefault();
      for (const pending of waiting.values()) pending.reject(new Error(`The worker of ${policy} failed`));
      waiting.clear();
      started.terminate();
      if (worker === started) worker = undefined;
    };
    return started;
  };

  // On a first visit the script loaded before the service worker took control, past it: fetched
  // again through it, or the reader going offline next would be without it.
  const keepOffline = () => {
    const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (kept || !container) return;
    kept = true;
    const fetchThrough = () =>
      void fetch(url)
        .then((response) => response.arrayBuffer())
        .catch(() => (kept = false));
    if (container.controller) fetchThrough();
    else container.addEventListener('controllerchange', fetchThrough, { once: true });
  };

  return (ask) => {
    worker ??= start();
    keepOffline();
    const id = nextId++;
    const answer = new Promise<Answer>((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.postMessage({ id, ask } satisfies CodeRequest<Ask>);
    return answer;
  };
}
