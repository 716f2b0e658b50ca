/**
 * Finds web links in plain text and builds them as DOM nodes (never markup): text nodes for the
 * words, `<a>` for http(s) URLs only, opening in a new tab with `rel="noopener noreferrer"` so
 * the linked page gets neither this window nor the referrer. Used by the widget and the console.
 *
 * @example
 *   splitLinks('Track it at https://dhl.example/t?id=1.') // → [{ text: 'Track it at ' }, { text: 'https://dhl.example/t?id=1', href: 'https://dhl.example/t?id=1' }, { text: '.' }]
 *   node.replaceChildren(...linkified(text));
 */

export interface TextPart {
  text: string;
  /** Set for a link: the normalized http(s) URL. */
  href?: string;
}

const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/giu;
/** Punctuation that ends a sentence rather than the URL ("see https://x.example/returns."). */
const TRAILING = /[.,;:!?)\]}'"»」』。、，！？]+$/u;

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const start = match.index ?? 0;
    const raw = match[0].replace(TRAILING, '');
    const href = safeHref(raw);
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The URL if it parses and is http or https; anything else (javascript:, data:) stays text. */
export function safeHref(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The text as nodes: text nodes and safe links, ready for `replaceChildren`. */
export function linkified(text: string): Node[] {
  return splitLinks(text).map((part) => {
    if (!part.href) return document.createTextNode(part.text);
    const a = document.createElement('a');
    a.href = part.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = part.text;
    return a;
  });
}
