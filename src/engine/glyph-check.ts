import type { Block } from '../content/markdown.js';
import type { Content } from '../content/model.js';
import type { Pack } from '../select/pack.js';
import { regularFont } from './fonts.js';

export interface MissingGlyph {
  /** The file the character comes from, or where else it was given (the command line). */
  source: string;
  character: string;
  codePoint: string;
}

/**
 * Characters the pack would print that the font cannot draw. A PDF viewer shows such a
 * character as an empty box or nothing at all, so each one is reported with its file.
 */
export function findMissingGlyphs(pack: Pack, content: Content): MissingGlyph[] {
  const font = regularFont();
  const missing = new Map<string, MissingGlyph>();
  for (const [source, text] of printedText(pack, content)) {
    for (const character of new Set(text)) {
      const codePoint = character.codePointAt(0)!;
      if (codePoint < 0x20 || font.hasGlyphForCodePoint(codePoint)) continue;
      const key = `${source}\u0000${character}`;
      if (!missing.has(key)) missing.set(key, { source, character, codePoint: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` });
    }
  }
  return [...missing.values()];
}

function* printedText(pack: Pack, content: Content): Generator<[string, string]> {
  const blocks = (list: Block[]) => list.map((block) => (block.kind === 'list' ? block.items.join('\n') : block.text)).join('\n');
  const { role, company, industry } = pack.selection;
  if (role) yield [role.file, [role.name, role.scope, ...role.keyAreas, ...role.pitfalls, blocks(role.lookFor), blocks(role.preparationAnswer), blocks(role.successStory)].join('\n')];
  if (company) yield [company.file, [company.name, company.publishedAs, ...company.values.flatMap((v) => [v.name, v.summary]), blocks(company.assesses), ...company.howToPrepare].join('\n')];
  if (industry) yield [industry.file, [industry.name, ...industry.stress, blocks(industry.context)].join('\n')];
  for (const competency of content.competencies.values()) yield [competency.file, `${competency.name}\n${competency.summary}`];
  for (const group of pack.groups) {
    for (const q of group.questions) {
      yield [q.file, [q.question, ...q.alsoAskedAs, ...q.scaffold, ...q.followUps, ...q.examples.map((e) => `${e.attribution ?? ''}\n${blocks(e.blocks)}`)].join('\n')];
    }
  }
  for (const tip of pack.tips) yield [tip.file, `${tip.title}\n${blocks(tip.blocks)}`];
  yield [pack.template.file, [pack.template.description, ...[...pack.template.prose.values()].map(blocks)].join('\n')];
  const names = [pack.options.name, pack.options.mentor].filter(Boolean).join('\n');
  if (names) yield ['--name/--mentor', names];
  for (const story of pack.stories) yield [story.file, [story.title, story.situation, story.task, story.action, story.result, story.metrics ?? '', story.learned ?? ''].join('\n')];
  const { responses } = pack.options;
  if (responses) {
    const typed = [...Object.values(responses.questions ?? {}).flatMap((prompts) => Object.values(prompts)), ...Object.values(responses.areas ?? {})];
    yield ["the candidate's typed answers (--responses, --from)", typed.join('\n')];
  }
}
