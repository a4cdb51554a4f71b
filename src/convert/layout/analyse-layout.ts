/** Stage 3: lines → layout, by the source's layout profile. */
import type { Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { Lexicon } from '../../lib/lexicon/lexicon.js';
import type { Line } from '../lines/split-lines.js';
import { analyseColumns } from './columns.js';
import { analyseProse } from './prose.js';
import type { Layout, LayoutSettings } from './types.js';

export function analyseLayout(
  lines: readonly Line[],
  settings: LayoutSettings,
  lexicon: Lexicon,
  file: string,
): { layout: Layout; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  const layout =
    settings.profile === 'columns'
      ? analyseColumns(lines, settings, file, messages)
      : analyseProse(lines, settings, lexicon, file, messages);
  return { layout, messages };
}
