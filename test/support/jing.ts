/**
 * RELAX NG validation with jing (Debian package `jing`), the reference validator for TEI.
 * Installed by `.ci/run`; outside CI a test may skip when jing is missing, and says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireShared } from './paths.js';
import { fullTierOnly } from './tiers.js';

export function jingAvailable(): boolean {
  return spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
}

/** Why a jing test is skipped, or false to run it; in CI a missing jing is a failure, not a skip. */
export function skipWithoutJing(): string | false {
  const unitTier = fullTierOnly('jing');
  if (unitTier) return unitTier;
  if (jingAvailable()) return false;
  if (process.env.CI) throw new Error('jing is not installed, but CI must run the TEI validity tests (.ci/run installs it)');
  return 'jing is not installed (Debian package jing; .ci/run installs it): tei_all validity not checked here';
}

/** Validates XML texts; returns jing's error lines (empty when all are valid). */
export function jingValidate(schema: string, documents: Record<string, string>): string[] {
  requireShared(schema);
  const dir = mkdtempSync(join(tmpdir(), 'tei-edition-jing-'));
  try {
    const files = Object.entries(documents).map(([name, xml]) => {
      const path = join(dir, name);
      writeFileSync(path, xml);
      return path;
    });
    const run = spawnSync('jing', [schema, ...files], { encoding: 'utf8' });
    return `${run.stdout}`
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.replace(`${dir}/`, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
