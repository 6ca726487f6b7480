/**
 * From sync reports to "does the network get through?" (src/features/status/connectivity.ts).
 * Pure of the page, so it is tested without one.
 */
import type { SyncReport } from '../../data/messages';

/**
 * Returns what to call with each new report. A report of a network failure (`offline`) starts
 * `probe` (does the app's own origin answer?) and passes its answer to `set`; any other report,
 * or none, means the network is there. Each report starts a new answer: a probe still out for
 * an older one is dropped when it ends, so a late answer never overrides what a newer report
 * says; a report that comes again starts nothing.
 */
export function followReports(
  probe: () => Promise<boolean>,
  set: (reachable: boolean) => void,
): (report: SyncReport | undefined) => void {
  let latest = 0;
  let followed: number | undefined;
  return (report) => {
    // One report can come twice (this tab's answer, then the broadcast to every tab): one check.
    if (report && report.finishedAt === followed) return;
    followed = report?.finishedAt;
    const check = ++latest;
    if (report?.error?.kind !== 'offline') {
      set(true);
      return;
    }
    void probe().then((reached) => {
      if (check === latest) set(reached);
    });
  };
}
