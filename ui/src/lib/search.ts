// Finding people by name, title or id.

export interface Searchable {
  id: string;
  name: string;
  title: string;
}

function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/**
 * Scores how well `person` matches `query` (higher is better, 0 = no match).
 * An exact id wins, then exact name, name prefix, word prefix, substring,
 * and finally a title match.
 */
export function matchScore(person: Searchable, query: string): number {
  const q = fold(query);
  if (q === "") return 0;
  if (person.id.toLowerCase() === q) return 100;
  const name = fold(person.name);
  if (name === q) return 90;
  if (name.startsWith(q)) return 80;
  if (name.split(/\s+/).some((word) => word.startsWith(q))) return 70;
  if (name.includes(q)) return 60;
  if (person.id.toLowerCase().startsWith(q)) return 50;
  if (fold(person.title).includes(q)) return 30;
  return 0;
}

/** The best `limit` matches, best first; ties by name then id. */
export function searchPeople<T extends Searchable>(
  people: readonly T[],
  query: string,
  limit = 12,
): T[] {
  const scored: { person: T; score: number }[] = [];
  for (const person of people) {
    const score = matchScore(person, query);
    if (score > 0) scored.push({ person, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.person.name.localeCompare(b.person.name) ||
      a.person.id.localeCompare(b.person.id),
  );
  return scored.slice(0, limit).map((s) => s.person);
}
