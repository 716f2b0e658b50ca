// Builds the agent console as served: the HTML shell loads console.js, and the bundle never writes markup
// (Preact renders text as text; its `dangerouslySetInnerHTML` branch is never used).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConsole, CONSOLE_SOURCE_PATHS, type ConsoleBuild } from '../../scripts/bundle-console.js';

let out: ConsoleBuild;
beforeAll(async () => {
  out = await buildConsole();
}, 30_000);

describe('buildConsole', () => {
  it('returns an HTML shell that loads the script and stylesheet, with nothing inline', () => {
    expect(out.html).toContain(`<script src="${CONSOLE_SOURCE_PATHS.js}" defer></script>`);
    expect(out.html).toContain(`<link rel="stylesheet" href="${CONSOLE_SOURCE_PATHS.css}" />`);
    expect(out.html).toContain('<div id="app"></div>');
    // A strict CSP (script-src 'self'; style-src 'self') must be enough.
    expect(/<script(?![^>]*\bsrc=)[^>]*>/i.test(out.html)).toBe(false);
    expect(/<style|\sstyle=|\son\w+=/i.test(out.html)).toBe(false);
    expect(out.css).toContain('.workspace{');
  });

  // Boolean checks, so a failure prints one line instead of the whole minified bundle.
  it('is one browser IIFE that never writes markup from strings', () => {
    expect(out.js.length).toBeGreaterThan(20_000); // the real app with socket.io-client, not an empty file
    expect(/^("use strict";)?\(\(\)=>\{/.test(out.js)).toBe(true);
    // Preact's one `innerHTML=` serves `dangerouslySetInnerHTML`, which no bundled project source uses.
    expect(out.js.match(/innerHTML\s*=(?!=)/g)?.length).toBe(1);
    expect(/\.innerHTML=\w+\.__html\b/.test(out.js)).toBe(true);
    const own = out.inputs.filter((path) => !path.includes('node_modules/') && /\.tsx?$/.test(path));
    expect(own.some((path) => path.endsWith('.tsx'))).toBe(true);
    expect(own.filter((path) => /dangerouslySetInnerHTML|innerHTML|outerHTML/.test(readFileSync(path, 'utf8')))).toEqual([]);
    expect(/outerHTML\s*=|insertAdjacentHTML|document\.write/.test(out.js)).toBe(false);
  });

  it('holds protocol types only: no zod and no socket.io debug build', () => {
    expect(/ZodError|\$ZodType/.test(out.js)).toBe(false);
    expect(/socket\.io-client:|engine\.io-client:/.test(out.js)).toBe(false);
    expect(out.js.includes('/agent')).toBe(true);
  });
});
