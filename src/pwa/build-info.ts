/**
 * Facts about this build, set by vite.config.ts from the environment at build time.
 */
declare const __CITYLINK_BUILD__: string;
declare const __CITYLINK_KILL_SWITCH__: boolean;

/** The app's version, or the name a deploy gave this build (CITYLINK_BUILD). */
export const BUILD = __CITYLINK_BUILD__;
/** True in a kill-switch build: the page registers no worker and removes any it finds. */
export const KILL_SWITCH = __CITYLINK_KILL_SWITCH__;
