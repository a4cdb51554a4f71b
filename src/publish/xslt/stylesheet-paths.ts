import { fileURLToPath } from 'node:url';

/** From dist/src/publish/xslt/ (compiled) or src/publish/xslt/: the package's own xslt folder. */
const packageRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The HTML reading edition's stylesheet and the assets (CSS, JS) its pages link. */
export const HTML_STYLESHEET = `${packageRoot}xslt/html/edition.xsl`;
export const HTML_ASSETS = `${packageRoot}xslt/html/assets`;

/** The print edition's stylesheet (TEI → Typst) and the book design it writes at the top of edition.typ. */
export const PRINT_STYLESHEET = `${packageRoot}xslt/print/edition.xsl`;
export const PRINT_BOOK_LIBRARY = `${packageRoot}xslt/print/book.typ`;
