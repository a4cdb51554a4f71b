/**
 * SchXslt (../shared/peers/schxslt/2.0/, ISO Schematron compiled to XSLT) on Saxon-HE (Debian
 * package libsaxonhe-java, Java from default-jre-headless): the peer our engine is compared
 * with. As its users run it: the schema compiled to XSLT once, then one JVM per folder of
 * documents, one SVRL report per document. `.ci/run` installs Java and Saxon-HE; outside CI a
 * test may skip when they are missing, and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evaluate, parseDocument } from '../../../src/validate/schematron/saxon.js';
import { requireShared, sharedDir } from '../../support/paths.js';

export const SAXON_JAR = '/usr/share/java/Saxon-HE.jar';
export const schxsltPipeline = join(sharedDir, 'peers', 'schxslt', '2.0', 'pipeline-for-svrl.xsl');

function javaAvailable(): boolean {
  return spawnSync('java', ['-version'], { encoding: 'utf8' }).error === undefined;
}

/** Why a SchXslt test is skipped, or false to run it; in CI a missing Java or Saxon is a failure. */
export function skipWithoutSaxon(): string | false {
  const missing = !javaAvailable()
    ? 'Java (Debian package default-jre-headless)'
    : !existsSync(SAXON_JAR)
      ? `Saxon-HE (${SAXON_JAR}, Debian package libsaxonhe-java)`
      : undefined;
  if (missing === undefined) return false;
  if (process.env.CI)
    throw new Error(`${missing} is not installed, but CI must run the Schematron portability tests (.ci/run installs it)`);
  return `${missing} is not installed: SchXslt not run here`;
}

function saxon(args: readonly string[]): void {
  const run = spawnSync('java', ['-cp', SAXON_JAR, 'net.sf.saxon.Transform', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`Saxon failed (${args.join(' ')}):\n${run.stderr}`);
}

/** Compiles a Schematron schema to an XSLT stylesheet with SchXslt. */
export function compileWithSchxslt(schema: string, xslOut: string): void {
  saxon([`-s:${schema}`, `-xsl:${requireShared(schxsltPipeline)}`, `-o:${xslOut}`]);
}

export interface SvrlFinding {
  /** The assert's or report's @id. */
  readonly id: string;
  readonly role: string;
  /** SVRL's location, as an XPath without namespaces (`/TEI/text[1]/p[2]/@ref`). */
  readonly location: string;
}

/** Runs the compiled schema on every file of a folder (one JVM); the findings of each file, by file name. */
export async function runSchxslt(xsl: string, folder: string, svrlDir: string): Promise<Map<string, SvrlFinding[]>> {
  mkdirSync(svrlDir, { recursive: true });
  saxon([`-s:${folder}`, `-xsl:${xsl}`, `-o:${svrlDir}`]);
  const found = new Map<string, SvrlFinding[]>();
  for (const name of readdirSync(svrlDir)
    .filter((f) => f.endsWith('.xml'))
    .sort()) {
    const path = join(svrlDir, name);
    const svrl = await parseDocument(readFileSync(path, 'utf8'), pathToFileURL(path).href);
    const items = evaluate(
      '//(svrl:failed-assert | svrl:successful-report) ! (string(@id), string(@role), string(@location))',
      svrl,
      { svrl: 'http://purl.oclc.org/dsdl/svrl' },
      {},
    ).map(String);
    const findings: SvrlFinding[] = [];
    for (let i = 0; i + 2 < items.length; i += 3) {
      findings.push({ id: items[i] ?? '', role: items[i + 1] ?? '', location: (items[i + 2] ?? '').replace(/Q\{[^}]*\}/gu, '') });
    }
    found.set(name, findings);
  }
  return found;
}
