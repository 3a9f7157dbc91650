import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { bindingClearance, drawnPages, isFront, PUNCH_CLEARANCE, type DrawnPage } from './helpers/binding.js';

async function build(name: string, args: string[]): Promise<DrawnPage[]> {
  const out = join(mkdtempSync(join(tmpdir(), 'prep-pack-binding-')), `${name}.pdf`);
  const run = await runCli(['build', ...args, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return drawnPages(out);
}

const FOLIO = /^page \d+ of \d+$/;

function expectBindingSafe(pages: DrawnPage[]): void {
  expect(pages.length).toBeGreaterThan(4);
  const tooClose = pages
    .map((page) => ({ page: page.number, clearance: bindingClearance(page, page.texts) }))
    .filter(({ clearance }) => clearance < PUNCH_CLEARANCE);
  expect(tooClose).toEqual([]);
  const misplacedFolios = pages.flatMap((page) => {
    const folio = page.texts.find((text) => FOLIO.test(text.str.trim()));
    if (!folio) return [];
    const atOuterEdge = isFront(page) ? folio.left > page.width / 2 : folio.right < page.width / 2;
    return atOuterEdge ? [] : [{ page: page.number, folio: folio.str, left: folio.left }];
  });
  expect(misplacedFolios).toEqual([]);
  // Every page but a cover has a folio.
  expect(pages.slice(1).filter((page) => !page.texts.some((text) => FOLIO.test(text.str.trim()))).map((page) => page.number)).toEqual([]);
}

describe('--binding left (the default): pages safe to punch, printed duplex', () => {
  it('letter: no text within 19 mm of the binding edge on fronts or backs, folios at the outer edge', async () => {
    expectBindingSafe(await build('letter', ['--role', 'staff', '--company', 'google']));
  });

  it('--duplex: the backs mirrored are the backs after the Notes pages went in', async () => {
    expectBindingSafe(await build('duplex', ['--role', 'staff', '--company', 'google', '--duplex', '--paper', 'a4', '--answers', 'inline']));
  });

  it('A4 with model answers inline', async () => {
    expectBindingSafe(await build('a4-inline', ['--role', 'staff', '--company', 'google', '--paper', 'a4', '--answers', 'inline']));
  });

  it('fillable worksheets: text, form widgets and links all clear the binding edge', async () => {
    const pages = await build('worksheets', ['--role', 'staff', '--company', 'google', '--template', 'worksheets', '--fillable', '--worksheets', '4']);
    expectBindingSafe(pages);
    const widgets = pages.flatMap((page) => page.annotations.filter((annotation) => annotation.subtype === 'Widget').map(() => page));
    expect(widgets.length).toBeGreaterThan(0);
    expect(pages.some((page) => !isFront(page) && page.annotations.some((annotation) => annotation.subtype === 'Widget'))).toBe(true);
    const tooClose = pages
      .map((page) => ({ page: page.number, clearance: bindingClearance(page, page.annotations) }))
      .filter(({ clearance }) => clearance < PUNCH_CLEARANCE);
    expect(tooClose).toEqual([]);
    // The widgets move with the writing areas they cover: a back's (page 2) sit where the
    // next front's (page 3, the same worksheet) do, as far left as its text moved.
    const [back, front] = [pages[1]!, pages[2]!];
    const textMoved = Math.min(...front.texts.map((text) => text.left)) - Math.min(...back.texts.map((text) => text.left));
    expect(textMoved).toBeCloseTo(62 - 42, 1);
    const lefts = (page: DrawnPage) => page.annotations.filter((annotation) => annotation.subtype === 'Widget').map((widget) => widget.left);
    expect(lefts(back).length).toBeGreaterThan(0);
    expect(lefts(back).map((left) => left + textMoved)).toEqual(lefts(front));
  });

  it('links in the workbook (the contents) clear the binding edge with the text they cover', async () => {
    const pages = await build('links', ['--role', 'staff', '--company', 'google', '--fillable']);
    expect(pages.some((page) => page.annotations.some((annotation) => annotation.subtype === 'Link'))).toBe(true);
    const tooClose = pages
      .map((page) => ({ page: page.number, clearance: bindingClearance(page, page.annotations) }))
      .filter(({ clearance }) => clearance < PUNCH_CLEARANCE);
    expect(tooClose).toEqual([]);
  });
});

/** Pages whose left and right margins differ by more than a point, measured by the text at either edge. */
function unequalMargins(pages: DrawnPage[]): { page: number; left: number; right: number }[] {
  return pages
    .slice(1) // the cover has no running lines to measure the margins by
    .map((page) => {
      const left = Math.min(...page.texts.map((text) => text.left));
      const right = page.width - Math.max(...page.texts.map((text) => text.right));
      return { page: page.number, left, right };
    })
    .filter(({ left, right }) => Math.abs(left - right) > 1);
}

describe('--binding none', () => {
  it('left and right margins are equal on every page, fronts and backs alike', async () => {
    const pages = await build('none', ['--role', 'staff', '--company', 'google', '--binding', 'none']);
    expect(unequalMargins(pages)).toEqual([]);
  });

  it('is a pack-file key too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-binding-'));
    writeFileSync(join(dir, 'screen.md'), '---\nrole: staff\ncompany: google\nbinding: none\n---\nFor reading on screen.\n');
    const out = join(dir, 'screen.pdf');
    const run = await runCli(['build', join(dir, 'screen.md'), '--out', out]);
    expect(run.code).toBe(0);
    expect(unequalMargins(await drawnPages(out))).toEqual([]);
  });

  it('is refused with a value other than left or none', async () => {
    const run = await runCli(['build', '--role', 'staff', '--binding', 'right', '--out', join(mkdtempSync(join(tmpdir(), 'prep-pack-binding-')), 'x.pdf')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/left, none/);
  });
});
