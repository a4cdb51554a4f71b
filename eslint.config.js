// ESLint: the recommended rules of ESLint and typescript-eslint over src/, test/, bench/ and bin/.
// Formatting is Prettier's (.prettierrc.json); `npm run lint` runs both checks, and `npm test` runs it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'output/', 'xslt/', 'test/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The two plain JavaScript files (bin/, this config) run on Node.
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
  {
    // The stages' code is asynchronous (workers, SaxonJS, file I/O): a promise nobody awaits is
    // an error that nobody sees. Checked with types, in src/ and bench/ (the tests' describe/it
    // return promises node:test awaits itself).
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    rules: {
      // The toolkit finds, reports and escapes control characters on purpose (XML 1.0's
      // forbidden characters, report escaping): regular expressions over them are the point.
      'no-control-regex': 'off',
      // Character classes list the combining marks XML names and French words may contain
      // (U+0300–U+036F ranges, soft hyphen and joiners): ranges of marks, not misread emoji.
      'no-misleading-character-class': 'off',
      // A leading underscore names a value kept on purpose but not read (a destructured rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
);
