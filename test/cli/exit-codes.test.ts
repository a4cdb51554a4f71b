/** The exit code is a function of the run's messages (and the command's policy), nothing else. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnostic, schematronDiagnostic } from '../../src/lib/diagnostics/diagnostic.js';
import { EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE, exitCodeFor, isUsageFailure, ON_ONE_FILE } from '../../src/cli/exit-codes.js';

const at = { file: 'a.txt', line: 1, column: 1 };
const inputError = diagnostic('error', 'correction-not-found', 'not found', at);
const usageError = diagnostic('error', 'usage', 'unknown option', { file: 'tei-edition' });
const configError = diagnostic('error', 'config-json', 'not JSON', { file: 'edition.json' });
const warning = diagnostic('warning', 'ocr-noise', 'noise', at);
const info = diagnostic('info', 'unknown-name', 'Kerenski', at);
const writeError = diagnostic('error', 'file-system', 'cannot write', at, { fatal: true });

describe('exitCodeFor', () => {
  it('is 0 with no messages, or only warnings and info', () => {
    assert.equal(exitCodeFor([]), EXIT_OK);
    assert.equal(exitCodeFor([warning, info]), EXIT_OK);
  });

  it('is 1 for an error in the input, 2 for a usage or config error, whatever else there is', () => {
    assert.equal(exitCodeFor([warning, inputError]), EXIT_INPUT_ERRORS);
    assert.equal(exitCodeFor([usageError]), EXIT_USAGE);
    assert.equal(exitCodeFor([inputError, configError, warning]), EXIT_USAGE);
  });

  it("reads another Schematron's rules as errors in the input", () => {
    assert.equal(exitCodeFor([schematronDiagnostic('error', 'tei_all/some-rule', 'x', at)]), EXIT_INPUT_ERRORS);
  });

  it('takes a usage rule as an input error where the command says so', () => {
    assert.equal(exitCodeFor([writeError]), EXIT_USAGE);
    assert.equal(exitCodeFor([writeError], ON_ONE_FILE), EXIT_INPUT_ERRORS);
    assert.equal(exitCodeFor([configError], { inputRules: ['config-json'] }), EXIT_INPUT_ERRORS);
  });

  it('counts warnings against --max-warnings, and the rules --strict fails on', () => {
    assert.equal(exitCodeFor([warning], { maxWarnings: 1 }), EXIT_OK);
    assert.equal(exitCodeFor([warning, warning], { maxWarnings: 1 }), EXIT_INPUT_ERRORS);
    assert.equal(exitCodeFor([info], { failOn: ['unknown-name'] }), EXIT_INPUT_ERRORS);
    assert.equal(exitCodeFor([warning], { failOn: ['unknown-name'] }), EXIT_OK);
    assert.equal(exitCodeFor([usageError, warning, warning], { maxWarnings: 0 }), EXIT_USAGE);
  });

  it('says when a run stops as a usage error', () => {
    assert.equal(isUsageFailure([configError]), true);
    assert.equal(isUsageFailure([inputError, warning]), false);
  });
});
