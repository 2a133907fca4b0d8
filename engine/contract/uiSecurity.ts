// The headers the UI bundle is served with, by both of its hosts: `safe-edge serve` (engine/server/plugins/
// uiStatic.ts) and the desktop app's app:// protocol (electron/main.ts), so the policy is written once.
// The bundle needs nothing else: scripts and styles are files of this origin (no inline script; React sets
// styles through the DOM, which a policy does not restrict), the API is the same origin, and the token
// arrives in the address's #fragment, which no header touches (docs/app.md, "Lean delivery").

/** Nothing from the network, no inline script or style, never inside a frame. */
export const UI_CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

export const UI_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': UI_CONTENT_SECURITY_POLICY,
  // frame-ancestors for browsers that predate it: no clickjacking of the operator's buttons.
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // The address can carry the token in its fragment; no Referer header names the app's pages anywhere.
  'referrer-policy': 'no-referrer',
};
