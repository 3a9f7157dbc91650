/**
 * node dist/scripts/read-structure.mjs <file.pdf> [page] — prints a page's structure tree
 * as a screen reader walks it (roles, nesting, the text of each element, in reading
 * order), then any text on the page drawn outside the tree. Every page without a page
 * number. Built by `node scripts/build.mjs --scripts`; reads with pdf.js (unpdf).
 */
import { readStructure, walkLines } from '../test/helpers/structure.js';

const [path, pageArgument] = process.argv.slice(2);
if (!path) {
  process.stderr.write('usage: read-structure <file.pdf> [page]\n');
  process.exit(2);
}
const pages = await readStructure(path).catch((error: Error) => {
  process.stderr.write(`read-structure: cannot read ${path}: ${error.message}\n`);
  process.exit(1);
});
for (const page of pages.filter((candidate) => pageArgument === undefined || candidate.page === Number(pageArgument))) {
  process.stdout.write(`Page ${page.page}\n${walkLines(page.tree, 1).join('\n')}\n`);
  if (page.artifacts.length > 0) process.stdout.write(`  (artifacts, not read: ${page.artifacts.join(' | ')})\n`);
  if (page.untagged.length > 0) process.stdout.write(`  UNTAGGED TEXT: ${page.untagged.join(' | ')}\n`);
}
