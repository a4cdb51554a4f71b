/** Explicit line roles from the config, for sources where the heuristics fail. */
import type { Line } from '../lines/split-lines.js';
import type { LayoutSettings } from './types.js';

export type OverrideRole = LayoutSettings['overrides'][number]['role'];
export type OverrideRoles = ReadonlyMap<number, OverrideRole>;

export function classifyOverrides(lines: readonly Line[], overrides: LayoutSettings['overrides']): OverrideRoles {
  const roles = new Map<number, OverrideRole>();
  for (const o of overrides) {
    for (let n = o.from; n <= o.to && n <= lines.length; n++) roles.set(n, o.role);
  }
  return roles;
}

/** `12` or `12-20` → inclusive range. */
export function parseLineRange(text: string): { from: number; to: number } {
  const [a, b] = text.split('-');
  const from = Number(a);
  return { from, to: b === undefined ? from : Number(b) };
}
