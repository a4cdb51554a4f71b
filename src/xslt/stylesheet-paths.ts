import { fileURLToPath } from 'node:url';

/** From dist/src/xslt/ (compiled) or src/xslt/: the package's own xslt folder. */
const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The HTML reading edition's stylesheet and the assets (CSS, JS) its pages link. */
export const HTML_STYLESHEET = `${packageRoot}xslt/html/edition.xsl`;
export const HTML_ASSETS = `${packageRoot}xslt/html/assets`;
