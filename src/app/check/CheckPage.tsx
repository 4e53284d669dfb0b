import type { Report } from '../../core/report';

// Temporary placeholder so the app shell compiles while the self-check page is written; replaced by the import work.
export function CheckPage(_props: { onOpenInEditor: (report: Report) => void }) {
  return null;
}
