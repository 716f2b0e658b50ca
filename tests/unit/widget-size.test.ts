// Builds widget.js as shipped and holds it to the gzip budget and to its safety rules.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWidget, WIDGET_GZIP_BUDGET, type WidgetBuild } from '../../scripts/bundle-widget.js';

let prod: WidgetBuild;
beforeAll(async () => {
  prod = await buildWidget();
}, 30_000);

describe('widget.js bundle', () => {
  it('stays within the gzip budget', () => {
    expect(WIDGET_GZIP_BUDGET).toBe(24 * 1024);
    expect(prod.gzipBytes).toBeGreaterThan(5_000); // a real bundle, not an empty file
    expect(prod.gzipBytes).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET);
    expect(prod.brotliBytes).toBeLessThan(prod.gzipBytes);
    expect(prod.rawBytes).toBe(Buffer.byteLength(prod.code));
  });

  // Boolean checks, so a failure prints one line instead of 60 KB of minified code.
  it('is one IIFE that never writes markup from strings', () => {
    expect(/^("use strict";)?\(\(\)=>\{/.test(prod.code)).toBe(true);
    expect(/innerHTML\s*=/.test(prod.code)).toBe(false);
    expect(/outerHTML\s*=|insertAdjacentHTML|document\.write/.test(prod.code)).toBe(false);
  });

  it('carries English texts only: other languages are fetched (/widget-strings/<lang>.json)', () => {
    expect(prod.code.includes('Open chat')).toBe(true);
    expect(prod.code.includes('Chat öffnen') || prod.code.includes('チャットを開く') || prod.code.includes('打开聊天')).toBe(false);
  });

  it('holds protocol types only: no zod and no socket.io debug build', () => {
    expect(/ZodError|\$ZodType/.test(prod.code)).toBe(false);
    expect(/socket\.io-client:|engine\.io-client:/.test(prod.code)).toBe(false);
  });

  it('keeps dev-only code out of the production build', async () => {
    expect(prod.code.includes('__relaydeskDebug')).toBe(false);
    const dev = await buildWidget({ dev: true });
    expect(dev.code.includes('__relaydeskDebug')).toBe(true);
  }, 30_000);
});
