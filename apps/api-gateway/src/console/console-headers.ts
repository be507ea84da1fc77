/**
 * The console's page may run only its own bundled script and stylesheet and talk only to this
 * origin: no inline script or style, no framing, no plugins, no other hosts. Charts are inline
 * SVG elements, and the few styles set from script go through the CSSOM, which style-src allows.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every console response. */
export const CONSOLE_SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The page names the current bundle, so it is checked on every load; bundles never change. */
export const PAGE_CACHE_CONTROL = 'no-cache';
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Asset names the console build writes (`app.<16 hex>.js`, `styles.<16 hex>.css`); nothing else is served. */
const ASSET_NAME = /^(app|styles)\.[0-9a-f]{16}\.(js|css)$/;

export function assetContentType(name: string): string | undefined {
  if (!ASSET_NAME.test(name)) return undefined;
  return name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
}
