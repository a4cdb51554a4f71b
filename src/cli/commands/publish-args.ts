/** The options `html` and `pdf` share: TEI files named (no config), `--title`, `--out`. */
import type { PublishOptions } from '../publish-input.js';

export function publishArgs(args: Record<string, unknown>): Omit<PublishOptions, 'config'> {
  const files = Array.isArray(args.files) ? args.files.map(String) : [];
  return {
    ...(files.length > 0 ? { files } : {}),
    ...(typeof args.title === 'string' ? { title: args.title } : {}),
    ...(typeof args.out === 'string' ? { out: args.out } : {}),
  };
}
