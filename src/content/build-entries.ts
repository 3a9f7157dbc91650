import type { z } from 'zod';
import { sectionBlocks, sectionItems, type CheckedBody } from './body-check.js';
import { scaffoldWeights } from './prompt-weights.js';
import type { Company, Competency, ContentKind, Industry, Question, Role, Tip } from './model.js';
import { ATTRIBUTION_SEPARATOR, competencySchema, companySchema, industrySchema, questionSchema, roleSchema, tipSchema } from './schema.js';

/** How each kind's valid front matter and body become one content entry. */
export const entryBuilders = {
  competencies: {
    schema: competencySchema,
    build: (data: z.output<typeof competencySchema>, body: CheckedBody, file: string): Competency => ({
      ...data,
      file,
      description: body.intro,
    }),
  },
  roles: {
    schema: roleSchema,
    build: (data: z.output<typeof roleSchema>, body: CheckedBody, file: string): Role => ({
      ...data,
      file,
      keyAreas: sectionItems(body, 'Key areas to highlight'),
      preparationAnswer: sectionBlocks(body, 'Example preparation answer'),
      successStory: sectionBlocks(body, 'Success story'),
      lookFor: sectionBlocks(body, 'What interviewers look for'),
      pitfalls: sectionItems(body, 'Pitfalls to avoid'),
    }),
  },
  companies: {
    schema: companySchema,
    build: (data: z.output<typeof companySchema>, body: CheckedBody, file: string): Company => ({
      ...data,
      file,
      assesses: sectionBlocks(body, 'What the interview assesses'),
      howToPrepare: sectionItems(body, 'How to prepare'),
    }),
  },
  industries: {
    schema: industrySchema,
    build: (data: z.output<typeof industrySchema>, body: CheckedBody, file: string): Industry => ({
      ...data,
      file,
      stress: sectionItems(body, 'What to stress'),
      context: sectionBlocks(body, 'Context'),
    }),
  },
  questions: {
    schema: questionSchema,
    build: ({ storyPrompts, ...data }: z.output<typeof questionSchema>, body: CheckedBody, file: string): Question => ({
      ...data,
      file,
      scaffold: sectionItems(body, 'Answer scaffold'),
      scaffoldWeights: scaffoldWeights(sectionItems(body, 'Answer scaffold'), storyPrompts),
      examples: (body.sections.get('Example answer') ?? []).map((section) => {
        const attribution = section.heading.split(ATTRIBUTION_SEPARATOR).slice(1).join(ATTRIBUTION_SEPARATOR).trim();
        return { ...(attribution ? { attribution } : {}), blocks: section.blocks };
      }),
      followUps: sectionItems(body, 'Follow-ups'),
    }),
  },
  tips: {
    schema: tipSchema,
    build: (data: z.output<typeof tipSchema>, body: CheckedBody, file: string): Tip => ({ ...data, file, blocks: body.intro }),
  },
} satisfies Record<ContentKind, unknown>;
