import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPdf } from './helpers/build-pdf.js';
import { covers, linksOf, type PdfLink } from './helpers/links.js';
import type { PdfFacts } from './helpers/pdf.js';

/**
 * Every cross-reference in a pack is a link a reader can click (issue 15): read from the
 * built PDF's link annotations (pdf.js), the words under each (pdftotext -bbox), and the
 * page each named destination is on.
 */

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-links-'));
const stories = join(import.meta.dirname, '..', 'examples', 'ada-stories.md');

interface Built {
  pdf: PdfFacts;
  links: PdfLink[];
}

async function build(name: string, args: string[]): Promise<Built> {
  const out = join(dir, `${name}.pdf`);
  const pdf = await buildPdf(out, args);
  return { pdf, links: await linksOf(out) };
}

/** The first page, not of the contents, whose text has the heading "Q7. …": the question's own, where a link naming Q7 must go. */
const headingPage = (pdf: PdfFacts, number: number) => pdf.pages.findIndex((text) => !text.includes('Contents') && text.includes(`Q${number}. `)) + 1;

/** The links whose words read like `pattern`. */
const linksReading = (built: Built, pattern: RegExp) => built.links.filter((link) => pattern.test(link.text));

/** How often the text of the whole PDF says it. */
const occurrences = (pdf: PdfFacts, pattern: RegExp) => pdf.pages.reduce((count, text) => count + [...text.matchAll(new RegExp(pattern.source, 'g'))].length, 0);

let workbook: Built;
let mentor: Built;
let cheatsheet: Built;

beforeAll(async () => {
  workbook = await build('workbook', ['--role', 'staff', '--company', 'google', '--stories', stories]);
  mentor = await build('mentor', ['--role', 'staff', '--company', 'google', '--template', 'mentor']);
  cheatsheet = await build('cheatsheet', ['--role', 'staff', '--company', 'google', '--template', 'cheatsheet']);
}, 120_000);

describe('page references are links to the page they name', () => {
  for (const [kind, pattern, destination] of [
    ['model answer', /^Model answer on page (\d+)$/, /^answer-/],
    ['your notes', /^your notes: page (\d+)$/, /^q-/],
    ['worksheet', /^worksheet on page (\d+)$/, /^story-/],
  ] as const) {
    it(`"${kind} … page N": every one printed is a link to page N`, () => {
      const links = linksReading(workbook, pattern);
      const printed = occurrences(workbook.pdf, new RegExp(pattern.source.replace(/^\^|\$$/g, '')));
      expect(printed).toBeGreaterThan(0);
      expect(links).toHaveLength(printed);
      for (const link of links) {
        expect(link.destination?.name).toMatch(destination);
        expect(link.destination?.page).toBe(Number(pattern.exec(link.text)![1]));
        expect(link.words.every((word) => covers(link.box, word))).toBe(true);
      }
    });
  }

  it('the contents: each entry goes to the page its number says', () => {
    const contents = workbook.links.filter((link) => workbook.pdf.pages[link.page - 1]!.startsWith('Contents') || /Contents \(continued\)/.test(workbook.pdf.pages[link.page - 1]!));
    expect(contents.length).toBeGreaterThan(20);
    for (const link of contents) expect(link.destination?.page).toBe(Number(link.words.at(-1)!.text));
  });
});

describe('question numbers are links to the question', () => {
  const questionLinks = (built: Built, page: number) => built.links.filter((link) => link.page === page && /^Q\d+,?$/.test(link.text));

  it('on the company page: the reported questions and "Practise with: Q1, Q13"', () => {
    const page = workbook.pdf.pages.findIndex((text) => text.includes('Practise with: Q')) + 1;
    const links = questionLinks(workbook, page);
    // Every "Q7" printed on the page after "Practise with:" or as a reported question's number.
    const printed = [...workbook.pdf.pages[page - 1]!.matchAll(/Practise with: ((?:Q\d+(?:, )?)+)/g)].flatMap((match) => match[1]!.split(', '));
    expect(printed.length).toBeGreaterThan(3);
    expect(links.length).toBeGreaterThanOrEqual(printed.length);
    for (const link of links) {
      expect(link.destination?.page).toBe(headingPage(workbook.pdf, Number(/\d+/.exec(link.text)![0])));
      expect(link.words.every((word) => covers(link.box, word))).toBe(true);
    }
  });

  it("on the mentor's mock plan: each planned question goes to its scorecard", () => {
    const page = mentor.pdf.pages.findIndex((text) => text.startsWith('Mock interview plan') || text.includes(' Mock interview plan ')) + 1;
    const printed = [...mentor.pdf.pages[page - 1]!.matchAll(/\d+:\d\d (Q\d+) /g)].map((match) => match[1]);
    const links = questionLinks(mentor, page);
    expect(printed.length).toBeGreaterThan(3);
    expect(links.map((link) => link.text)).toEqual(printed);
    for (const link of links) expect(link.destination?.page).toBe(headingPage(mentor.pdf, Number(/\d+/.exec(link.text)![0])));
  });
});

describe('web addresses and links to nowhere', () => {
  it("the company's published address is a web link over the address printed", () => {
    const web = workbook.links.filter((link) => link.url !== undefined);
    expect(web.length).toBeGreaterThan(0);
    const url = web[0]!.url!;
    expect(url).toMatch(/^https:\/\//);
    // The address may wrap: one annotation per line, together reading the address.
    expect(web.filter((link) => link.url === url).map((link) => link.text).join('')).toBe(url);
    expect(web.every((link) => link.contents === `Open ${link.url}`)).toBe(true);
  });

  it('every internal link, in every template, lands on a page of the document', () => {
    for (const built of [workbook, mentor, cheatsheet]) {
      const internal = built.links.filter((link) => link.url === undefined);
      // The cheat sheet prints question numbers but no question pages: they stay plain text.
      if (built !== cheatsheet) expect(internal.length).toBeGreaterThan(0);
      for (const link of internal) {
        expect(link.destination?.page, `${link.text} on page ${link.page}`).toBeGreaterThan(0);
        // It says where it goes, for a screen reader (the annotation's /Contents).
        expect(link.contents).toBe(`Go to page ${link.destination!.page}`);
      }
    }
  });
});
