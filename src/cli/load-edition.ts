/**
 * The edition as a command needs it: the config (validated) and the registers it names, read
 * once per run. Register paths default to `tei/persons.xml`, `tei/places.xml`,
 * `tei/periodicals.xml`, `tei/organisations.xml` beside the config, used when they exist.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { display } from './display-path.js';
import type { Diagnostic } from '../lib/diagnostics/diagnostic.js';
import type { EditionConfig } from '../lib/config/types.js';
import { registerFiles } from '../lib/registers/register-files.js';
import { readEditionConfigFile } from '../lib/config/read-config-file.js';
import { readRegisterFile } from '../lib/registers/read-register-file.js';
import type { RegisterEntry, RegisterKind } from '../lib/registers/read-register.js';
import type { RegisterTargets } from '../convert/enrich/tag-names-and-dates.js';
import type { CliIO } from './cli-io.js';

export interface LoadedEdition {
  readonly config: EditionConfig;
  readonly configPath: string;
  /** The config path as messages show it. */
  readonly configShown: string;
  readonly registers: {
    readonly entries: RegisterEntry[];
    readonly targets: RegisterTargets;
    readonly files: Partial<Record<RegisterKind, string>>;
  };
  readonly messages: Diagnostic[];
}

export async function loadEdition(
  configOption: string,
  io: CliIO,
  outDir?: string,
): Promise<LoadedEdition | { readonly messages: Diagnostic[] }> {
  const configPath = resolve(io.cwd, configOption);
  const configShown = display(io, configPath);
  const read = await readEditionConfigFile(configPath);
  const messages = read.messages.map((m) =>
    m.position.file === configPath ? { ...m, position: { ...m.position, file: configShown } } : m,
  );
  if (!read.config) return { messages };
  const config = read.config;
  const base = dirname(configPath);
  const teiDir = resolve(base, outDir ?? 'tei');
  const entries: RegisterEntry[] = [];
  const targets: Partial<Record<RegisterKind, string>> = {};
  const files: Partial<Record<RegisterKind, string>> = {};
  for (const { key, kind, defaultPath } of registerFiles) {
    const configured = config.edition.registers?.[key];
    const path = resolve(base, configured ?? defaultPath);
    if (configured === undefined && !existsSync(path)) continue;
    const shown = display(io, path);
    const register = await readRegisterFile(path, shown);
    messages.push(...register.messages);
    const ofKind = register.entries.filter((e) => e.kind === kind);
    entries.push(...ofKind);
    targets[kind] = relative(teiDir, path).split(sep).join('/');
    files[kind] = shown;
  }
  return { config, configPath, configShown, registers: { entries, targets, files }, messages };
}

export { display } from './display-path.js';
