/**
 * A fixed-window rate limit per client, in memory: enough for one service process in front of
 * a city's readers (each reader calls the API a handful of times, when they change settings).
 * Several processes behind a load balancer each count their own share.
 */
export class RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request from `client`: undefined when allowed, else the seconds until it may try again. */
  take(client: string): number | undefined {
    const now = this.now();
    let window = this.windows.get(client);
    if (!window || now - window.start >= this.windowMs) {
      // Forget finished windows now and then, so the map stays as small as the busy clients.
      if (this.windows.size > 10_000) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(client, window);
    }
    window.count++;
    return window.count > this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : undefined;
  }

  private sweep(now: number): void {
    for (const [client, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(client);
    }
  }
}
