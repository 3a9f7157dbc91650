import type { Pack } from '../select/pack.js';
import { writingLinesPerPrompt } from '../render/writing-lines.js';

/**
 * Template options that cannot take effect for this pack, said rather than silently ignored:
 * `linesPerPrompt` is lowered for a question whose prompts would not fit on one page, and a
 * value no question can get changes nothing.
 */
export function templateOptionWarnings(pack: Pack): string[] {
  const { template } = pack;
  const questions = pack.groups.flatMap((group) => group.questions);
  const warnings: string[] = [];
  template.sections.forEach((section, index) => {
    if (section.type !== 'questions') return;
    const wanted = section.linesPerPrompt;
    const given = questions.map((question) => writingLinesPerPrompt(question.scaffold.length, wanted, pack.options.paper));
    const most = Math.max(...given);
    // Fewer lines for a long scaffold is the option working as documented; an option that no
    // question can get is one that cannot take effect at all.
    if (given.length === 0 || most >= wanted) return;
    warnings.push(
      `${template.file}:${template.sectionLines[index] ?? 1}  sections[${index}].linesPerPrompt  asks for ${wanted} ruled lines per prompt, but no question in this pack gets more than ${most}: each question and its follow-ups must fit on one page. Ask for ${most} or fewer.`,
    );
  });
  return warnings;
}
