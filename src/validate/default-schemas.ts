/** The project's own schemas (what `validate` and `build` check tei-edition's TEI against), from dist/src/validate/ (compiled) or src/validate/. */
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_SCHEMA = `${packageRoot}schemas/tei-edition.rng`;
export const DEFAULT_SCHEMATRON = `${packageRoot}schemas/tei-edition.sch`;
