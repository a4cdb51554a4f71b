/**
 * `npm run docs:rules`: rewrites the rule table of docs/converter.md from the registry
 * (src/lib/diagnostics/rules.ts). Run from the repository's root.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { RULE_TABLE_DOC, ruleTable, withRuleTable } from './rule-table.js';

const doc = readFileSync(RULE_TABLE_DOC, 'utf8');
const updated = withRuleTable(doc, ruleTable());
if (updated === undefined) {
  process.stderr.write(`${RULE_TABLE_DOC}: the rule table's marker comments are missing\n`);
  process.exitCode = 1;
} else if (updated !== doc) {
  writeFileSync(RULE_TABLE_DOC, updated);
  process.stdout.write(`${RULE_TABLE_DOC}: rule table rewritten\n`);
} else {
  process.stdout.write(`${RULE_TABLE_DOC}: rule table up to date\n`);
}
