/**
 * `URL`, the one platform global the core uses. Browsers, workers and Node all have it (WHATWG
 * URL), but TypeScript declares it only in its DOM lib and Node's types, which the core's own
 * check leaves out so that no other DOM or Node use slips in. The page's, worker's, server's
 * and CLI's configs include the core's source, not this folder; they have their own `URL`.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly host: string;
  readonly href: string;
  readonly pathname: string;
  readonly protocol: string;
}
