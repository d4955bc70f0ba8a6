/**
 * The renderer's Content-Security-Policy, used by the Electron window (meta tag and
 * response header) and by the browser host alike: only the app's own scripts and styles,
 * no inline script, no eval, no remote connections, no frames, no plugins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
