import type { ReactNode } from 'react';

/** The heading of the editor's current section; the editor's content region is labelled by it. */
export function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <h1 id="section-heading" className="part-heading">
      {children}
    </h1>
  );
}
