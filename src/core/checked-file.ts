import type { Finding } from './checker/finding';
import type { Report } from './report';

/** Where a checked report was read from. */
export type SourceKind = 'json' | 'txt' | 'html' | 'docx' | 'pdf';

/**
 * One file checked, in a batch or on the check page: the report read from it and its findings, or why it
 * could not be read (then `findings` holds that one reading finding).
 */
export type CheckedFile = {
  file: string;
  report?: Report;
  source?: SourceKind;
  findings: Finding[];
  error?: string;
};
