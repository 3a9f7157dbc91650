/** Where model answers go: on the question page, in an appendix at the back, or nowhere. */
export const ANSWER_PLACEMENTS = ['inline', 'appendix', 'none'] as const;
export type AnswerPlacement = (typeof ANSWER_PLACEMENTS)[number];
