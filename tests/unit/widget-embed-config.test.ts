// Unit tests for widget/embed-config.ts: which server, locale, title and colour a <script> tag yields.
import { describe, expect, it } from 'vitest';
import { readEmbedConfig, type ScriptInfo } from '../../widget/embed-config';

const page = new URL('https://shop.example/cart?email=a@b.c#x');
const script = (data: ScriptInfo['data'] = {}): ScriptInfo => ({ src: 'https://chat.example:8443/widget.js', data });

describe('readEmbedConfig', () => {
  it('defaults to the origin the script came from and to the browser language', () => {
    const c = readEmbedConfig(script(), page, 'de-DE');
    expect(c).toMatchObject({ server: 'https://chat.example:8443', locale: 'de-DE', title: 'Chat with us', accent: null });
  });

  it('takes data-server as an origin only, and falls back when it is not http(s)', () => {
    expect(readEmbedConfig(script({ server: 'https://rd.example/some/path' }), page, 'en').server).toBe('https://rd.example');
    expect(readEmbedConfig(script({ server: 'javascript:alert(1)' }), page, 'en').server).toBe('https://chat.example:8443');
    expect(readEmbedConfig(null, page, 'en').server).toBe('https://shop.example');
  });

  it('accepts hex or named accent colours and refuses anything that could carry more CSS', () => {
    expect(readEmbedConfig(script({ color: '#0A7' }), page, 'en').accent).toBe('#0A7');
    expect(readEmbedConfig(script({ color: 'teal' }), page, 'en').accent).toBe('teal');
    for (const bad of ['red;background:url(x)', '#12345', 'rgb(1,2,3)', 'var(--x)']) {
      expect(readEmbedConfig(script({ color: bad }), page, 'en').accent).toBeNull();
    }
  });

  it('picks readable text on the accent', () => {
    expect(readEmbedConfig(script({ color: '#ffeb3b' }), page, 'en').onAccent).toBe('#000');
    expect(readEmbedConfig(script({ color: '#1e3a8a' }), page, 'en').onAccent).toBe('#fff');
  });

  it('uses data-locale and data-title when valid, and never sends the query string', () => {
    const c = readEmbedConfig(script({ locale: 'zh-CN', title: '  Ask us  ' }), page, 'en');
    expect(c).toMatchObject({ locale: 'zh-CN', title: 'Ask us', page: 'https://shop.example/cart' });
    expect(readEmbedConfig(script({ locale: '<b>' }), page, 'fr').locale).toBe('fr');
  });
});
