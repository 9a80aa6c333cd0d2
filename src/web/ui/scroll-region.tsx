import type { ReactNode } from 'react';

/**
 * A horizontally scrollable wrapper for wide tables on narrow screens (the page itself never
 * scrolls sideways). It is named and focusable so that keyboard users can scroll it
 * (WCAG 2.1.1; axe rule scrollable-region-focusable).
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-wrap" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
