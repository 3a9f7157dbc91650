export const LIST_KINDS = ['roles', 'companies', 'industries', 'competencies', 'templates', 'questions'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
