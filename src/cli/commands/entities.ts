import type { CommandDefinition } from '../command.js';
import { exitCodeFor } from '../exit-codes.js';
import { convertOptions } from './convert.js';
import { diagnostic, isRule, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';

/**
 * `entities`: the editor's worklist of names. Converts in memory (writes nothing) and lists
 * (1) capitalised words and groups that look like names but are in no register, with their
 * count and positions, and (2) register entries that no text mentions.
 */
export const entitiesCommand: CommandDefinition = {
  command: 'entities [sources..]',
  describe: 'List names that are in no register, and register entries never mentioned (a worklist)',
  builder: (yargs) =>
    yargs
      .positional('sources', { describe: 'ids of the sources to read (default: all)', type: 'string', array: true, default: [] })
      .option('strict', { describe: 'exit 1 when anything is unresolved (for CI)', type: 'boolean', default: false })
      .example('$0 entities', 'the worklist for the whole edition')
      .example('$0 entities --json', 'the same, for a script') as never,
  run: async (args, io, reporter) => {
    const { runConvert } = await import('../run-convert.js');
    const run = await runConvert({ ...convertOptions(args), dryRun: true, force: true, report: false, reportNames: true }, io, reporter);
    if (!run.ok) {
      reporter.messages(run.messages);
      reporter.json({ command: 'entities', ok: false, messages: run.messages });
      return exitCodeFor(run.messages);
    }
    const errors = run.messages.filter((m) => m.severity === 'error');
    reporter.messages(errors);
    const unresolved = groupCandidates(run.messages.filter((m) => isRule(m, 'unknown-name')));
    const mentioned = new Set(run.files.flatMap((f) => f.mentioned ?? []));
    const unused = run.registers.entries
      .filter((e) => !mentioned.has(`${e.kind}:${e.id}`))
      .map((e) => ({ register: run.registers.files[e.kind] ?? e.kind, id: e.id, standard: e.standard }));
    reporter.line(`Names in no register: ${unresolved.length}`);
    for (const u of unresolved)
      reporter.line(`  ${u.name}  ${u.count}×  ${u.positions.map((p) => `${p.file}:${p.line}:${p.column}`).join('  ')}`);
    reporter.line(`Register entries never mentioned: ${unused.length}`);
    for (const u of unused) reporter.line(`  ${u.register}#${u.id}  ${u.standard}`);
    reporter.summary(
      `entities: ${run.files.length} file${run.files.length === 1 ? '' : 's'}, ${unresolved.length} unresolved name${unresolved.length === 1 ? '' : 's'}, ${unused.length} unused entr${unused.length === 1 ? 'y' : 'ies'}`,
      errors,
    );
    reporter.json({ command: 'entities', ok: errors.length === 0, unresolved, unused });
    // Each unused entry is a message too (never printed: the list above says them), so that --strict is a rule of the exit code.
    const unusedMessages = unused.map((u) =>
      diagnostic('info', 'register-entry-unused', `${u.register}#${u.id} is mentioned in no text`, { file: u.register }, { actual: u.id }),
    );
    return exitCodeFor(
      [...errors, ...run.messages.filter((m) => isRule(m, 'unknown-name')), ...unusedMessages],
      args.strict === true ? { failOn: ['unknown-name', 'register-entry-unused'] } : {},
    );
  },
};

interface Candidate {
  readonly name: string;
  readonly count: number;
  readonly positions: { file: string; line: number; column: number }[];
}

function groupCandidates(messages: readonly Diagnostic[]): Candidate[] {
  const byName = new Map<string, { file: string; line: number; column: number }[]>();
  for (const m of messages) {
    const name = m.actual ?? m.message;
    const list = byName.get(name) ?? [];
    list.push({ file: m.position.file, line: m.position.line ?? 0, column: m.position.column ?? 0 });
    byName.set(name, list);
  }
  return [...byName]
    .map(([name, positions]) => ({ name, count: positions.length, positions }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
