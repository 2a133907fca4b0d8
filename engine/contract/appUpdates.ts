// The desktop app's own updates (docs/updates.md, "The app itself"): the update server serves
// electron-builder's output folder, and electron-updater on each laptop reads it as a generic feed, so
// SAFE_EDGE_UPDATE_URL is `<update server>${APP_UPDATES_PATH}`.
import { z } from 'zod';

/** Where an update server serves the app's releases (latest*.yml, installers, .blockmap files), relative to its root. */
export const APP_UPDATES_PATH = '/app/';
/** IT's route that sets electron-updater's `stagingPercentage` in every latest*.yml (admin token). */
export const APP_STAGING_PATH = '/api/app/staging';

/**
 * electron-builder's update-info files for the `latest` channel: latest.yml (Windows), latest-mac.yml,
 * latest-linux.yml, latest-linux-arm64.yml. electron-updater fetches the one for its platform first.
 */
export const isAppUpdateInfoFile = (fileName: string): boolean => /^latest(-[a-z0-9-]+)?\.yml$/.test(fileName);

/**
 * Share of installs that take the newest release, as electron-updater reads it: it parses the value as
 * an integer and compares it with a stable id it keeps per install, so only whole percentages count.
 */
export const stagingPercentSchema = z.number().int().min(0).max(100);
export const appStagingBodySchema = z.object({ percent: stagingPercentSchema });
export type AppStagingBody = z.infer<typeof appStagingBodySchema>;
