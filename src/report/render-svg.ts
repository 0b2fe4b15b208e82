import { parse as parseVega, View } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

/** The first line inside every SVG eastwest writes: tells its own charts from other files at an output path. */
export const SVG_MARK = '<!-- written by eastwest -->';

/**
 * Renders a vega-lite spec to SVG text headless: compiled to vega, run by a View with no
 * renderer (no browser, no canvas; text widths are estimated, the same on every machine),
 * then serialized. Nothing in it depends on the clock or the locale, so equal specs give
 * equal bytes.
 */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const compiled = compile(spec as unknown as TopLevelSpec).spec;
  const view = new View(parseVega(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return `${svg.replace(/^(<svg[^>]*>)/, `$1${SVG_MARK}`)}\n`;
  } finally {
    view.finalize();
  }
}
