import { render } from '@testing-library/react';
import type { Report } from '../../../src/core/report';
import { Autosaver } from '../../../src/app/drafts/autosave';
import { Editor } from '../../../src/app/editor/Editor';
import type { SectionId } from '../../../src/app/shell/route';
import { ReportStore } from '../../../src/app/store/report-store';

/** Renders the editor on one section with a fresh store; saving goes to a spy instead of IndexedDB. */
export function renderEditor(report: Report, section: SectionId) {
  const store = new ReportStore(report);
  const saved: Report[] = [];
  const saver = new Autosaver('test', new Date().toISOString(), async (d) => {
    saved.push(d.report);
  });
  store.onChange((r) => saver.schedule(r));
  const view = render(<Editor id="test" section={section} store={store} saver={saver} />);
  return { ...view, store, saver, saved };
}
