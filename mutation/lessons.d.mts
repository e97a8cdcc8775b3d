/** The slugs of the lessons a mutation run covers (see lessons.mjs). */
export function mutationLessons(root: string, only?: string): string[];
