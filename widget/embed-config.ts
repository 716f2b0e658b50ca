/**
 * Reads and validates the embed options from the `<script data-*>` tag (SPEC §6): server,
 * locale, title and accent colour. Pure: the caller passes the script's attributes and location.
 *
 * @example
 *   readEmbedConfig({ src: 'https://chat.shop.com/widget.js', data: { color: '#0a7' } }, location, navigator.language);
 *   // → { server: 'https://chat.shop.com', accent: '#0a7', onAccent: '#000', title: 'Chat with us', … }
 */
import { T } from './strings';

export interface EmbedConfig {
  /** Origin of the RelayDesk server. */
  server: string;
  locale: string;
  title: string;
  accent: string | null;
  onAccent: string;
  /** The host page, without query or hash: those can carry order tokens or emails. */
  page: string;
}

export interface ScriptInfo {
  src: string;
  data: { server?: string; locale?: string; title?: string; color?: string };
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// A named colour ("teal", "rebeccapurple"); anything else could smuggle more CSS into the value.
const NAMED_COLOUR = /^[a-z]{3,20}$/i;
const LOCALE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export function readEmbedConfig(script: ScriptInfo | null, page: URL | Location, language: string): EmbedConfig {
  const color = script?.data.color?.trim() ?? '';
  const accent = HEX_COLOUR.test(color) || NAMED_COLOUR.test(color) ? color : null;
  const locale = [script?.data.locale, language].map((l) => l?.trim() ?? '').find((l) => LOCALE.test(l) && l.length <= 35);
  return {
    server: serverOrigin(script, page),
    locale: locale ?? 'en',
    title: script?.data.title?.trim().slice(0, 80) || T.defaultTitle,
    accent,
    onAccent: accent && HEX_COLOUR.test(accent) && isLight(accent) ? '#000' : '#fff',
    page: (page.origin + page.pathname).slice(0, 2000),
  };
}

/** `data-server`, else the origin the script was loaded from, else the page's own origin. */
function serverOrigin(script: ScriptInfo | null, page: URL | Location): string {
  for (const candidate of [script?.data.server, script?.src]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate, page.href);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
    } catch {
      // Not a URL: try the next candidate.
    }
  }
  return page.origin;
}

// WCAG 2 relative luminance; above 0.179 black text has more contrast than white.
function isLight(hex: string): boolean {
  const digits = hex.slice(1);
  const full = digits.length <= 4 ? [...digits].map((d) => d + d).join('') : digits;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179;
}
