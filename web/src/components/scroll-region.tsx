import type { ReactNode } from "react";

/**
 * A wide table scrolls inside this box on a phone, never the page. It is focusable and named so
 * keyboard users can scroll it too.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%" }}>
      {children}
    </div>
  );
}
