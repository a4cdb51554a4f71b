/**
 * Hand edits are safe: every TEI file the converter writes carries, on the line after the XML
 * declaration, a processing instruction with the SHA-256 of the file without that line. If the
 * file on disk no longer matches its stamp (an editor changed it), or has no stamp (someone
 * else wrote it), `convert` refuses to overwrite it.
 */
import { createHash } from 'node:crypto';

const stampLine = /<\?tei-edition generated="sha256:([0-9a-f]{64})"\?>\n/u;

/** `xml` must start with the XML declaration on a line of its own. */
export function stampGenerated(xml: string): string {
  const afterDecl = xml.indexOf('\n') + 1;
  return `${xml.slice(0, afterDecl)}<?tei-edition generated="sha256:${sha256(xml)}"?>\n${xml.slice(afterDecl)}`;
}

export type StampState = 'unchanged' | 'edited' | 'not-generated';

/** Whether a file on disk is still exactly what the converter wrote. */
export function checkStamp(xml: string): StampState {
  const m = stampLine.exec(xml);
  if (!m) return 'not-generated';
  const without = xml.slice(0, m.index) + xml.slice(m.index + m[0].length);
  return sha256(without) === m[1] ? 'unchanged' : 'edited';
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
