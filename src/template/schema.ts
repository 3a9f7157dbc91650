import { z } from 'zod';

/** The sections a template can put in a pack, each with its own options. */
export const templateSectionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('cover') }),
    /** A section of the template's own prose, taken from its body by heading. */
    z.strictObject({ type: z.literal('prose'), heading: z.string().min(1) }),
    z.strictObject({ type: z.literal('role') }),
    z.strictObject({ type: z.literal('company') }),
    z.strictObject({ type: z.literal('industry') }),
    z.strictObject({
      type: z.literal('questions'),
      /** Ruled writing lines under each scaffold prompt. */
      linesPerPrompt: z.number().int().min(0).max(12).default(3),
      examples: z.boolean().default(false),
    }),
    z.strictObject({ type: z.literal('worksheets'), count: z.number().int().min(0).max(100).default(8) }),
    z.strictObject({ type: z.literal('tips') }),
  ],
  { error: 'must have a known type: cover, prose, role, company, industry, questions, worksheets or tips.' },
);

export const templateSchema = z.strictObject({
  description: z.string().trim().min(1),
  sections: z.array(templateSectionSchema).min(1),
});

export type TemplateSection = z.output<typeof templateSectionSchema>;
