/** The report formats of `validate` (their writers are in report-formats.ts, loaded only when used). */
export type ReportFormat = 'text' | 'json' | 'github' | 'junit';
export const reportFormats: readonly ReportFormat[] = ['text', 'json', 'github', 'junit'];
