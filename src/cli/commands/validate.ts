import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { countBySeverity, diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { type ReportFormat, reportFormats } from '../../lib/diagnostics/report-format-names.js';
import type { CliIO } from '../cli-io.js';
import type { CommandDefinition } from '../command.js';
import { DEFAULT_MAX_SIZE_MB, jobsOption, maxSizeOption } from '../jobs-option.js';
import { EXIT_OK, exitCodeFor, type ExitPolicy } from '../exit-codes.js';
import { display } from '../display-path.js';

/**
 * The modules that do the work are imported when the command runs, so that every command starts fast.
 *
 * `validate`: well-formedness, RELAX NG (default: the project's TEI customisation), Schematron,
 * and the edition config when there is one; text, JSON, GitHub annotations or JUnit XML.
 */
export const validateCommand: CommandDefinition = {
  command: 'validate [paths..]',
  describe: 'Check TEI files: well-formedness, RELAX NG schema, Schematron rules, edition config',
  builder: (yargs) =>
    yargs
      .positional('paths', {
        describe: "TEI files or folders (all *.xml inside); default: the edition's tei/ folder",
        type: 'string',
        array: true,
        default: [],
      })
      .option('schema', { describe: 'RELAX NG schema (XML syntax) to validate against instead of schemas/tei-edition.rng', type: 'string' })
      .option('schematron', {
        describe:
          'Schematron rules file (default: schemas/tei-edition.sch, except with --schema; --schematron alone: that file; --no-schematron: none)',
        type: 'string',
      })
      .option('phase', {
        describe: "Schematron phase to run: a <phase> id, #ALL (every pattern) or #DEFAULT (the schema's defaultPhase; the default)",
        type: 'string',
      })
      .option('format', { describe: 'report format', choices: reportFormats as ReportFormat[], default: 'text' as ReportFormat })
      .option('max-warnings', { describe: 'exit 1 when there are more warnings than this', type: 'number' })
      .option('max-size', maxSizeOption('largest file to read, in MB'))
      .option('jobs', jobsOption('worker threads (default: one per core from 2 MB of TEI on; 1 = in process)'))
      .example('$0 validate', "the edition's TEI files, texts and registers")
      .example('$0 validate tei/ --format github', 'annotations for a GitHub Actions job')
      .example('$0 validate my.xml --schema tei_all.rng', 'any TEI file against the full TEI schema') as never,
  run: async (args, io, reporter) => {
    const started = Date.now();
    const configPath = resolve(io.cwd, String(args.config));
    const given = (args.paths as string[] | undefined) ?? [];
    if (given.length === 0 && !existsSync(configPath)) {
      const refusal = usage(
        `give TEI files or folders to validate (there is no edition config ${display(io, configPath)} to take the tei/ folder from)`,
      );
      reporter.messages([refusal]);
      return exitCodeFor([refusal]);
    }
    const paths = given.length > 0 ? given : [resolve(dirname(configPath), 'tei')];
    const configMessages = await checkEditionConfig(configPath, given, io);
    const { runValidation } = await import('../run-validate.js');
    const maxSize = typeof args['max-size'] === 'number' ? args['max-size'] : DEFAULT_MAX_SIZE_MB;
    const run = await runValidation(
      {
        paths,
        ...(await chosenSchemas(args, io)),
        maxBytes: Math.round(maxSize * 1024 * 1024),
        ...(typeof args.jobs === 'number' ? { jobs: args.jobs } : {}),
        ...(typeof args.phase === 'string' ? { phase: args.phase } : {}),
      },
      io,
      reporter,
    );
    const messages = [...configMessages, ...run.messages];
    const counts = countBySeverity(messages);
    const maxWarnings = typeof args['max-warnings'] === 'number' ? args['max-warnings'] : undefined;
    const tooManyWarnings = maxWarnings !== undefined && counts.warning > maxWarnings;
    const code = exitCodeFor(messages, { ...VALIDATE_POLICY, ...(maxWarnings === undefined ? {} : { maxWarnings }) });
    const what = `validate: ${run.files.length} file${run.files.length === 1 ? '' : 's'}`;
    const format = (args.format as ReportFormat | undefined) ?? 'text';
    if (format === 'text') {
      reporter.messages(messages);
      reporter.summary(what, messages);
      if (tooManyWarnings && counts.error === 0)
        reporter.line(`more than ${maxWarnings} warning${maxWarnings === 1 ? '' : 's'} (--max-warnings)`);
      reporter.json({ command: 'validate', ok: code === EXIT_OK, files: run.files, messages, summary: counts });
      return code;
    }
    const { formatGithub, formatJson, formatJunit } = await import('../../lib/diagnostics/report-formats.js');
    const seconds = (Date.now() - started) / 1000;
    io.stdout(
      format === 'json' ? formatJson(messages) : format === 'github' ? formatGithub(messages) : formatJunit(run.files, messages, seconds),
    );
    if (!reporter.options.quiet)
      io.stderr(
        `${what}: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}\n`,
      );
    return code;
  },
};

/** The edition config is part of what is validated when the files are the edition's (no paths, or paths inside its folder). */
async function checkEditionConfig(configPath: string, given: readonly string[], io: CliIO): Promise<Diagnostic[]> {
  const editionDir = dirname(configPath);
  const inEdition = given.length === 0 || given.some((p) => !relative(editionDir, resolve(io.cwd, p)).startsWith('..'));
  if (!existsSync(configPath) || !inEdition) return [];
  const { readEditionConfigFile } = await import('../../lib/config/read-config-file.js');
  const read = await readEditionConfigFile(configPath);
  return read.messages.map((m) =>
    m.position.file === configPath ? { ...m, position: { ...m.position, file: display(io, configPath) } } : m,
  );
}

/**
 * The schema and the Schematron rules: by default the project's pair; `--schema` replaces both
 * (the rules go with tei-edition.rng); `--schematron` alone adds the project's rules back,
 * `--schematron <file>` gives other rules, `--no-schematron` none.
 */
async function chosenSchemas(
  args: Record<string, unknown>,
  io: CliIO,
): Promise<{ schema: string; schematron: string | null; embeddedSchematron: boolean }> {
  const { DEFAULT_SCHEMA, DEFAULT_SCHEMATRON } = await import('../../validate/validation-setup.js');
  const schemaOption = args.schema;
  const schematronOption = args.schematron;
  const schema = typeof schemaOption === 'string' ? resolve(io.cwd, schemaOption) : DEFAULT_SCHEMA;
  const schematron =
    schematronOption === false
      ? null
      : schematronOption === ''
        ? DEFAULT_SCHEMATRON
        : typeof schematronOption === 'string'
          ? resolve(io.cwd, schematronOption)
          : typeof schemaOption === 'string'
            ? null
            : DEFAULT_SCHEMATRON;
  // Schematron embedded in the RELAX NG schema (TEI's ODD-generated schemas) runs unless --no-schematron.
  return { schema, schematron, embeddedSchematron: schematronOption !== false };
}

/** The edition config is one of the files validate checks; a worker's crash is an error on its batch of files. */
const VALIDATE_POLICY: ExitPolicy = {
  inputRules: ['config-missing', 'config-json', 'config-schema', 'config-semantics', 'internal-error'],
};

function usage(message: string): Diagnostic {
  return diagnostic('error', 'usage', message, { file: 'tei-edition' }, { fatal: true });
}
