/**
 * `build --shard i/n`: which texts are a shard's. The assignment depends on a text's id alone
 * (the first 8 hex digits of its sha256, modulo n), so it is the same on every machine of a CI
 * matrix and does not move when other texts are added.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1…count */
  readonly index: number;
  readonly count: number;
}

/** The shard an option names, undefined without one, or what is wrong with it. */
export function parseShard(option: unknown): Shard | undefined | string {
  if (option === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/u.exec(String(option).trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (m === null || count < 1 || index < 1 || index > count)
    return `--shard: found “${String(option)}”, expected i/n with 1 ≤ i ≤ n (for example 2/4)`;
  return { index, count };
}

export function shardOf(id: string, count: number): number {
  return (Number.parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) % count) + 1;
}

export function inShard(id: string, shard: Shard): boolean {
  return shardOf(id, shard.count) === shard.index;
}
