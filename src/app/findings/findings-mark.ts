/** Performance mark the benchmark reads: set when the findings panel shows a new check result. */
export const FINDINGS_MARK = 'nianbao:findings-updated';
