import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPdf } from './helpers/build-pdf.js';
import type { PdfFacts } from './helpers/pdf.js';
import { markedOperatorsByPage, PAINTING } from './helpers/marked-content.js';
import { readStructure, walkLines, type PageStructure, type StructNode } from './helpers/structure.js';

/**
 * Every template's PDF is tagged (issue 15), read from the bytes: pdfinfo, qpdf's JSON of
 * the catalog, pdf.js's structure tree and marked content.
 */

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-tagged-'));
const TEMPLATES = ['workbook', 'worksheets', 'mentor', 'cheatsheet'] as const;

interface Built {
  path: string;
  pdf: PdfFacts;
  structure: PageStructure[];
}
const built = new Map<string, Built>();

beforeAll(async () => {
  for (const template of TEMPLATES) {
    const path = join(dir, `${template}.pdf`);
    const pdf = await buildPdf(path, ['--role', 'staff', '--company', 'google', '--template', template]);
    built.set(template, { path, pdf, structure: await readStructure(path) });
  }
}, 240_000);

const pdfinfo = (path: string, ...options: string[]) => execFileSync('pdfinfo', [...options, path], { encoding: 'utf8' });

/** The catalog's entries, from qpdf's JSON of the file. */
function catalogOf(path: string): Record<string, unknown> {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
  const objects = json.qpdf[1];
  const resolve = (value: unknown) => (typeof value === 'string' && objects[`obj:${value}`] ? objects[`obj:${value}`]!.value : value);
  const catalog = Object.values(objects).find((object) => object.value?.['/Type'] === '/Catalog')!.value!;
  return Object.fromEntries(Object.entries(catalog).map(([key, value]) => [key, resolve(value)]));
}

/** Depth first: every element under these, with the path of roles above it. */
function* elements(nodes: readonly StructNode[], above: string[] = []): Generator<{ node: StructNode; path: string[] }> {
  for (const node of nodes) {
    yield { node, path: above };
    yield* elements(node.children, [...above, node.role]);
  }
}

describe.each(TEMPLATES)('the %s template', (template) => {
  it('is a tagged PDF 1.7 with its language, its title shown, and XMP identifying PDF/UA-1', () => {
    const { path, pdf } = built.get(template)!;
    const info = pdfinfo(path);
    expect(info).toMatch(/^Tagged: +yes$/m);
    expect(info).toMatch(/^PDF version: +1\.7$/m);
    const catalog = catalogOf(path);
    expect(catalog['/Lang']).toBe('u:en');
    expect(catalog['/MarkInfo']).toEqual({ '/Marked': true });
    expect((catalog['/ViewerPreferences'] as Record<string, unknown>)['/DisplayDocTitle']).toBe(true);
    expect(catalog['/StructTreeRoot']).toBeDefined();
    const xmp = pdfinfo(path, '-meta');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${String(pdf.info.Title)}</rdf:li>`);
    expect(xmp).toMatch(/<xmp:CreateDate>\d{4}-\d\d-\d\dT/);
  });

  it('embeds every font it uses, each with a ToUnicode map (pdffonts)', () => {
    const { path } = built.get(template)!;
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    // Columns: name, type (two words), encoding, emb, sub, uni, object id.
    for (const font of fonts) expect(font.split(/\s+/).slice(-5, -2), font).toEqual(['yes', expect.stringMatching(/^(yes|no)$/), 'yes']);
  });

  it('has no text outside the structure tree or an artifact, on any page', () => {
    const { structure, pdf } = built.get(template)!;
    expect(structure.flatMap((page) => page.untagged.map((text) => `page ${page.page}: ${text}`))).toEqual([]);
    // Every page has content in the tree; a running footer, where one is printed, is an artifact and not read.
    for (const page of structure) {
      const tree = walkLines(page.tree);
      expect(tree.length, `page ${page.page}`).toBeGreaterThan(1);
      const footer = /page \d+ of \d+/.exec(pdf.pages[page.page - 1]!)?.[0];
      if (footer === undefined) continue;
      expect(page.artifacts, `page ${page.page}`).toContain(footer);
      expect(tree.some((line) => line.includes(footer)), `page ${page.page}`).toBe(false);
    }
  });
});

describe('decoration is artifacts, words are in their elements (PDF/UA-1 7.1)', () => {
  it.each(TEMPLATES)('%s: every path painted (rules, ruled writing lines, grids, boxes, shades) is in an Artifact, none inside tagged content', (template) => {
    const pages = markedOperatorsByPage(built.get(template)!.path);
    expect(pages.length).toBe(built.get(template)!.structure.length);
    for (const [index, operators] of pages.entries()) {
      const painted = operators.filter(({ operator }) => PAINTING.has(operator));
      const outside = painted.filter(({ marks }) => marks[0] !== 'Artifact');
      expect(outside.map(({ operator, marks }) => `${operator} in ${marks.join(' > ') || 'nothing'}`), `page ${index + 1}`).toEqual([]);
      // No sequence inside another: an artifact inside tagged content is what PDF/UA-1 forbids.
      expect(operators.filter(({ marks }) => marks.length > 1).map(({ marks }) => marks.join(' > ')), `page ${index + 1}`).toEqual([]);
    }
  });

  it("a question page: each prompt's P holds its words only, its ruled writing lines are artifacts drawn after it", () => {
    const { structure, pdf, path } = built.get('workbook')!;
    const number = pdf.pages.findIndex((text) => /Model answer on page \d+/.test(text)) + 1;
    const prompts = [...elements(structure[number - 1]!.tree)].filter(({ node }) => node.role === 'P' && /^(The|What|Who|How) /.test(node.text));
    expect(prompts.length).toBeGreaterThan(3);
    for (const { node } of prompts) expect(node.text).toMatch(/^[^._\u2014\u2026]+$/);
    // The ruled lines: strokes in artifacts, at least one per prompt, each after a P's words in the stream.
    const operators = markedOperatorsByPage(path)[number - 1]!;
    const strokes = operators.flatMap(({ operator, marks }, index) => (operator === 'S' && marks[0] === 'Artifact' ? [index] : []));
    expect(strokes.length).toBeGreaterThanOrEqual(prompts.length);
    const firstWords = operators.findIndex(({ operator, marks }) => operator === 'TJ' && /^P \d+$/.test(marks[0] ?? ''));
    expect(strokes.filter((index) => index > firstWords).length).toBeGreaterThanOrEqual(prompts.length);
  });

  it("the contents: an entry's title and page number are words, its dot leaders artifacts", () => {
    const { structure, pdf } = built.get('workbook')!;
    const number = pdf.pages.findIndex((text) => /^\s*Contents/m.test(text)) + 1;
    const page = structure[number - 1]!;
    const links = [...elements(page.tree)].filter(({ node }) => node.role === 'Link');
    expect(links.length).toBeGreaterThan(10);
    for (const { node } of links) {
      const [title, pageNumber] = node.children.map((child) => child.text);
      expect(title).toMatch(/[A-Za-z]/);
      expect(title).not.toMatch(/\. \.|\.\.\./);
      expect(pageNumber).toMatch(/^\d+$/);
      expect(node.alt).toBe(`Go to page ${pageNumber}`);
    }
    const leaders = page.artifacts.filter((text) => /^[. ]+$/.test(text) && text.includes('.'));
    expect(leaders.length).toBeGreaterThanOrEqual(links.length);
  });

  it("a bullet list: each LI is an Lbl holding the marker, then an LBody holding the item's words", () => {
    const { structure, pdf } = built.get('workbook')!;
    const number = pdf.pages.findIndex((text) => /Model answer on page \d+/.test(text)) + 1;
    const items = [...elements(structure[number - 1]!.tree)].filter(({ node }) => node.role === 'LI');
    expect(items.length).toBeGreaterThan(1);
    for (const { node } of items) {
      expect(node.children.map((child) => child.role)).toEqual(['Lbl', 'LBody']);
      expect(node.children[0]!.text).toBe('•');
      expect(node.children[1]!.text).toMatch(/^[A-Z]/);
    }
  });

  it('letter-spaced capitals carry /ActualText: the words as words', () => {
    const { structure } = built.get('workbook')!;
    const all = structure.flatMap((page) => [...elements(page.tree)].map(({ node }) => node));
    const group = all.find((node) => node.role === 'H1' && node.text === 'A S K E D A T G O O G L E')!;
    expect(group.alt).toBe('Asked at Google');
    const cover = all.find((node) => node.text === 'B E H A V I O R A L I N T E R V I E W W O R K B O O K')!;
    expect(cover.alt).toBe('BEHAVIORAL INTERVIEW WORKBOOK');
    // Text drawn without letter-spacing says nothing more.
    expect(all.find((node) => node.role === 'H2')!.alt).toBeUndefined();
  });

  it("a question's shaded labels are read as a list of words, not run together", () => {
    const { structure } = built.get('workbook')!;
    const all = structure.flatMap((page) => [...elements(page.tree)].map(({ node }) => node));
    const labels = all.filter((node) => node.role === 'P' && node.text?.endsWith('Aim for two minutes spoken.'));
    expect(labels.length).toBeGreaterThan(10);
    for (const node of labels) expect(node.alt).toMatch(/^[^,]+(, [^,]+)*\. Aim for two minutes spoken\.$/);
    expect(labels.some((node) => node.alt!.includes(', Google.'))).toBe(true);
  });
});

describe('the structure of a question page and a worksheet', () => {
  it('question page: Document > Sect > the group heading H1, the question H2, paragraphs, its follow-ups as a list, its page reference a Link', () => {
    const { structure, pdf } = built.get('workbook')!;
    const number = pdf.pages.findIndex((text) => /Model answer on page \d+/.test(text)) + 1;
    const page = structure[number - 1]!;
    const all = [...elements(page.tree)];
    expect(page.tree.map((node) => node.role)).toEqual(['Document']);
    const h2 = all.find(({ node }) => node.role === 'H2')!;
    expect(h2.node.text).toMatch(/^Q1\. /);
    expect(h2.path).toEqual(['Document', 'Sect']);
    // Reading order: the group's heading, then the question, then what it asks, then the follow-ups.
    const roles = all.map(({ node }) => node.role);
    expect(roles.indexOf('H1')).toBeLessThan(roles.indexOf('H2'));
    expect(roles.indexOf('H2')).toBeLessThan(roles.indexOf('L'));
    const items = all.filter(({ node }) => node.role === 'LBody');
    expect(items.length).toBeGreaterThan(1);
    expect(items.every(({ path }) => path.join('>') === 'Document>Sect>L>LI')).toBe(true);
    // The page reference: a P whose words are its Link's, the Link holding them (MCID) and its annotation (OBJR).
    const reference = all.find(({ node }) => node.role === 'Link' && /^Model answer on page \d+$/.test(node.text))!;
    expect(reference.path.at(-1)).toBe('P');
    expect(reference.node.annotations).toBe(1);
    expect(reference.node.alt).toBe(`Go to page ${/page (\d+)$/.exec(reference.node.text)![1]}`);
  });

  it('worksheet: its heading H2, its labels, its competencies as a list of LI', () => {
    const { structure, pdf } = built.get('worksheets')!;
    const number = pdf.pages.findIndex((text) => text.includes('STAR worksheet 1')) + 1;
    const all = [...elements(structure[number - 1]!.tree)];
    const heading = all.find(({ node }) => node.role === 'H2')!;
    expect(heading.node.text).toBe('STAR worksheet 1');
    expect(all.filter(({ node }) => node.role === 'P').map(({ node }) => node.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Situation/), expect.stringMatching(/^Result/)]));
    expect(all.filter(({ node }) => node.role === 'LI').length).toBeGreaterThan(3);
  });
});

describe('blank grids', () => {
  it('the story bank is a Table: a header row of TH (Story, then a number per competency), then a TR of empty TDs per ruled row', () => {
    const { structure, pdf } = built.get('workbook')!;
    const number = pdf.pages.findIndex((text) => /^\s*Story bank/m.test(text)) + 1;
    const all = [...elements(structure[number - 1]!.tree)];
    const competencies = all.filter(({ node }) => node.role === 'P' && /^\d+\. [A-Z]/.test(node.text)).length;
    expect(competencies).toBeGreaterThan(10);
    const tables = all.filter(({ node }) => node.role === 'Table');
    expect(tables).toHaveLength(1);
    const [header, ...rows] = tables[0]!.node.children;
    expect(header!.children.map((cell) => cell.role)).toEqual(Array(competencies + 1).fill('TH'));
    expect(header!.children.map((cell) => cell.text)).toEqual(['Story', ...Array.from({ length: competencies }, (_, index) => String(index + 1))]);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const row of rows) {
      expect(row.role).toBe('TR');
      expect(row.children.map((cell) => `${cell.role}${cell.text}${cell.alt ?? ''}`)).toEqual(Array(competencies + 1).fill('TD'));
    }
  });

  it("with --stories, the story bank's ticked cells say so ('ticked'), only in the stories' rows, never in the name column", async () => {
    const path = join(dir, 'stories.pdf');
    await buildPdf(path, ['--role', 'staff', '--company', 'google', '--stories', 'examples/ada-stories.md']);
    const isStoryBank = (node: StructNode) => node.role === 'Table' && node.children[0]?.children[0]?.text === 'Story';
    const page = (await readStructure(path)).find((candidate) => [...elements(candidate.tree)].some(({ node }) => isStoryBank(node)))!;
    const all = [...elements(page.tree)].map(({ node }) => node);
    const table = all.findIndex(isStoryBank);
    const [, ...rows] = all[table]!.children;
    // The stories' names, written into the first column, are read after the table.
    const names = all.slice(table).filter((node) => node.role === 'P' && /^\d+\. /.test(node.text));
    expect(names.length).toBeGreaterThan(1);
    const ticked = rows.flatMap((row, index) => row.children.flatMap((cell, column) => (cell.alt === 'ticked' ? [[index, column] as const] : [])));
    expect(ticked.length).toBeGreaterThanOrEqual(names.length);
    expect(ticked.every(([, column]) => column > 0)).toBe(true);
    expect(ticked.every(([row]) => row < names.length)).toBe(true);
    expect(new Set(ticked.map(([row]) => row)).size).toBe(names.length);
  });

  it("the practice log is a Table: its column heads TH, then a TR of five empty TDs per ruled row, to the sheet's foot", () => {
    const { structure, pdf } = built.get('workbook')!;
    const number = pdf.pages.findIndex((text) => /^\s*Practice log/m.test(text)) + 1;
    const tables = [...elements(structure[number - 1]!.tree)].filter(({ node }) => node.role === 'Table');
    expect(tables).toHaveLength(1);
    const [header, ...rows] = tables[0]!.node.children;
    expect(header!.children.map((cell) => `${cell.role}: ${cell.text}`)).toEqual(['TH: Date', 'TH: Question (number or words)', 'TH: Minutes', 'TH: Score 1–4', 'TH: What to change next time']);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((row) => row.children.map((cell) => cell.role).join() === 'TD,TD,TD,TD,TD')).toBe(true);
  });
});

describe('PREP_PACK_UNTAGGED=1 (for measuring what tagging costs)', () => {
  it('builds the same pages, not tagged: no structure tree, no marked content, the same text and the same pixels', () => {
    const bin = join(process.cwd(), 'dist', 'bin.js');
    const build = (name: string, env: Record<string, string>) => {
      const out = join(dir, name);
      execFileSync(process.execPath, [bin, 'build', '--role', 'staff', '--company', 'google', '--out', out], { env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', ...env }, stdio: 'pipe' });
      return out;
    };
    const tagged = build('bundle-tagged.pdf', {});
    const untagged = build('bundle-untagged.pdf', { PREP_PACK_UNTAGGED: '1' });
    expect(pdfinfo(tagged)).toMatch(/^Tagged: +yes$/m);
    expect(pdfinfo(untagged)).toMatch(/^Tagged: +no$/m);
    expect(catalogOf(untagged)['/StructTreeRoot']).toBeUndefined();
    expect(markedOperatorsByPage(untagged).flat().filter(({ operator }) => ['BMC', 'BDC', 'EMC'].includes(operator))).toEqual([]);
    const text = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text(untagged)).toBe(text(tagged));
    const pixels = (path: string, page: number) => execFileSync('pdftoppm', ['-r', '40', '-png', '-f', String(page), '-l', String(page), path]);
    for (const page of [1, 4, 11, 44]) expect(pixels(untagged, page).equals(pixels(tagged, page)), `page ${page}`).toBe(true);
  });
});

describe('XMP metadata', () => {
  it('stays well-formed XML when a name holds "&": the title is escaped in it, as it is in the Info dictionary', async () => {
    const path = join(dir, 'security.pdf');
    const pdf = await buildPdf(path, ['--role', 'staff', '--industry', 'security']);
    const title = String(pdf.info.Title);
    expect(title).toContain('&');
    const xmp = pdfinfo(path, '-meta');
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${title.replace(/&/g, '&amp;')}</rdf:li>`);
    // No bare ampersand anywhere: each starts an entity.
    expect(xmp.match(/&(?!amp;|lt;|gt;|quot;|apos;|#)/g)).toBeNull();
  });
});

describe('tables', () => {
  it("the mentor's mock plan is one Table, a TR per planned slot, its TDs the time, the question (a Link) and what to do", () => {
    const { structure, pdf } = built.get('mentor')!;
    const number = pdf.pages.findIndex((text) => text.includes('Mock interview plan') && /\d:\d\d Q1 /.test(text)) + 1;
    const all = [...elements(structure[number - 1]!.tree)];
    const tables = all.filter(({ node }) => node.role === 'Table');
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.node.children;
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((row) => row.role === 'TR' && row.children.map((cell) => cell.role).join() === 'TD,TD,TD')).toBe(true);
    // The question number is a link: the cell's words are its Link's, beside the link's annotation.
    const question = rows[1]!.children[1]!;
    expect(question.children.map((child) => [child.role, child.text, child.annotations])).toEqual([['Link', 'Q1', 1]]);
    expect(rows[1]!.children[0]!.text).toMatch(/^\d+:\d\d$/);
  });
});

describe('a fillable pack', () => {
  it('has a Form element for every field widget, holding it, where the field is on the page', async () => {
    const path = join(dir, 'fillable.pdf');
    await buildPdf(path, ['--role', 'staff', '--company', 'google', '--fillable']);
    const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)));
    const structure = await readStructure(path);
    for (const page of structure) {
      const widgets = ((await (await pdf.getPage(page.page)).getAnnotations()) as { subtype: string }[]).filter((annotation) => annotation.subtype === 'Widget');
      const forms = [...elements(page.tree)].filter(({ node }) => node.role === 'Form');
      expect(forms.length, `page ${page.page}`).toBe(widgets.length);
      expect(forms.every(({ node }) => node.annotations === 1)).toBe(true);
      expect(page.untagged).toEqual([]);
    }
    expect(structure.some((page) => [...elements(page.tree)].some(({ node }) => node.role === 'Form'))).toBe(true);
  });
});
