/**
 * Makes a partner's HTML draft safe to look at. The HTML is parsed with the browser's
 * DOMParser — a parsed document is inert: no script runs, nothing loads — and only an
 * allow-list of tags and attributes is copied into a fresh document. Scripts, event
 * handlers, javascript: and every other link target, remote images, frames, forms, meta
 * refreshes and style sheets are dropped. The result is then shown in an <iframe sandbox="">
 * whose own CSP allows no script and no network (see previewDocument), so even a gap in this
 * list could neither run code nor reach the network.
 */

const KEEP = new Set([
  'a', 'abbr', 'article', 'aside', 'b', 'blockquote', 'br', 'caption', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'li', 'main', 'mark', 'nav', 'ol', 'p', 'pre', 'q', 's', 'section',
  'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
]);
/** Dropped with everything inside them. */
const DROP = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'meta', 'link', 'base', 'form', 'input', 'button', 'textarea',
  'select', 'option', 'svg', 'math', 'template', 'noscript', 'audio', 'video', 'source', 'track', 'canvas', 'portal', 'title', 'head',
]);
const ATTRS = new Set(['alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'align', 'valign', 'style']);
const SAFE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

export interface SanitizeReport {
  scripts: number;
  eventHandlers: number;
  links: number;
  remoteResources: number;
  frames: number;
  other: number;
}

export function sanitizeHtml(html: string): { html: string; report: SanitizeReport } {
  const report: SanitizeReport = { scripts: 0, eventHandlers: 0, links: 0, remoteResources: 0, frames: 0, other: 0 };
  const source = new DOMParser().parseFromString(html, 'text/html');
  const target = document.implementation.createHTMLDocument('');
  const out = target.createElement('div');

  const copy = (from: Node, to: Node) => {
    for (const child of Array.from(from.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        to.appendChild(target.createTextNode(child.textContent ?? ''));
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue; // comments, processing instructions
      const el = child as Element;
      const tag = el.localName.toLowerCase();
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) report.eventHandlers++;
      if (DROP.has(tag)) {
        if (tag === 'script') report.scripts++;
        else if (tag === 'iframe' || tag === 'frame' || tag === 'object' || tag === 'embed') report.frames++;
        else if (tag === 'link' || tag === 'style' || tag === 'meta') report.remoteResources++;
        else report.other++;
        continue;
      }
      if (!KEEP.has(tag)) {
        copy(el, to); // unknown wrapper: keep its text
        continue;
      }
      const clean = target.createElement(tag);
      for (const a of Array.from(el.attributes)) {
        const name = a.name.toLowerCase();
        if (!ATTRS.has(name)) continue;
        if (name === 'style' && /url\s*\(|@import|expression\s*\(|javascript:/i.test(a.value)) {
          report.remoteResources++;
          continue;
        }
        clean.setAttribute(name, a.value);
      }
      if (tag === 'a') {
        const href = el.getAttribute('href');
        if (href) {
          // Links are shown, never followed: the target goes into the tooltip for the reviewer.
          report.links++;
          clean.setAttribute('title', `Link to ${href.slice(0, 300)}`);
          clean.setAttribute('class', 'pd-link');
        }
      }
      if (tag === 'img') {
        const src = el.getAttribute('src') ?? '';
        if (SAFE_IMAGE.test(src)) clean.setAttribute('src', src);
        else {
          if (src) report.remoteResources++;
          const alt = target.createElement('span');
          alt.setAttribute('class', 'pd-removed');
          alt.textContent = `[image not loaded${src ? `: ${src.slice(0, 120)}` : ''}]`;
          to.appendChild(alt);
          continue;
        }
      }
      copy(el, clean);
      to.appendChild(clean);
    }
  };
  copy(source.body ?? source.documentElement, out);
  return { html: out.innerHTML, report };
}

/** The Content-Security-Policy inside the preview frame: no script, no network, images only from data: URLs. */
export const PREVIEW_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

export function previewDocument(bodyHtml: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}"><style>body{font:14px/1.5 system-ui,sans-serif;margin:16px;color:#1d2939}img{max-width:100%}.pd-link{color:#175cd3;text-decoration:underline}.pd-removed{display:inline-block;padding:2px 6px;border:1px dashed #98a2b3;color:#667085;font-size:12px}</style></head><body>${bodyHtml}</body></html>`;
}
