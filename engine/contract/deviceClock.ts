// Whether the device's clock can be believed. A field laptop's clock may have been reset (a flat clock
// battery gives a date before this build) or set far ahead; such a time must never decide day or night
// (docs/physics.md, "Pasquill–Turner stability"), so the form leaves "reported at" empty instead.

/** The day this build was made: no honest clock reads earlier. Moved with each release. */
export const BUILD_DATE = '2026-11-30';
/** A clock further ahead of the build than a supported install lives is wrong, not early. */
export const MAX_YEARS_AFTER_BUILD = 5;

export function isPlausibleClock(now: Date): boolean {
  const build = Date.parse(`${BUILD_DATE}T00:00:00Z`);
  const latest = build + MAX_YEARS_AFTER_BUILD * 365.25 * 86_400_000;
  const t = now.getTime();
  return Number.isFinite(t) && t >= build - 86_400_000 && t <= latest;
}
