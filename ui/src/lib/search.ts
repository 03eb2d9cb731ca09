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
  return searchWithTotal(people, query, limit).shown;
}

export interface SearchResults<T> {
  /** The best matches, best first. */
  shown: T[];
  /** How many people match in all (more than `shown` when cut). */
  total: number;
}

/** The best `limit` matches and how many match in all. */
export function searchWithTotal<T extends Searchable>(
  people: readonly T[],
  query: string,
  limit = 12,
): SearchResults<T> {
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
  return { shown: scored.slice(0, limit).map((s) => s.person), total: scored.length };
}

/** "Showing 8 of 40 matches: type more to narrow", or "" when all are shown. */
export function moreResultsNote(results: SearchResults<unknown>): string {
  const hidden = results.total - results.shown.length;
  if (hidden <= 0) return "";
  return `Showing ${results.shown.length} of ${results.total} matches: type more of the name to narrow them.`;
}

/** What a result shows of a person beside their name. */
export interface Distinguished {
  title: string;
  team: string | null;
  /** Their manager's name, shown when another result has the same name. */
  manager: string | null;
  /** Their id, shown when the rest still leaves two results alike. */
  id: string | null;
}

/**
 * For each result, what tells it apart from the others: title and team
 * always; for people who share a name with another result, their manager
 * too, and the id when even that leaves two alike.
 */
export function distinguish<T extends Searchable & { team: string | null }>(
  results: readonly T[],
  managerName: (person: T) => string | null,
): Distinguished[] {
  const byName = new Map<string, number>();
  for (const p of results) byName.set(fold(p.name), (byName.get(fold(p.name)) ?? 0) + 1);
  const shared = (p: T) => (byName.get(fold(p.name)) ?? 0) > 1;
  const key = (p: T) => [fold(p.name), p.title, p.team ?? "", managerName(p) ?? ""].join("\u0000");
  const alike = new Map<string, number>();
  for (const p of results) if (shared(p)) alike.set(key(p), (alike.get(key(p)) ?? 0) + 1);
  return results.map((p) => ({
    title: p.title,
    team: p.team,
    manager: shared(p) ? managerName(p) : null,
    id: shared(p) && (alike.get(key(p)) ?? 0) > 1 ? p.id : null,
  }));
}

/** The detail line of a result: "Engineer · Payments · reports to Mia Park · e12". */
export function detailLine(d: Distinguished): string {
  const parts = [d.title.trim(), d.team ?? ""];
  if (d.manager !== null) parts.push(`reports to ${d.manager}`);
  if (d.id !== null) parts.push(d.id);
  return parts.filter((p) => p !== "").join(" · ");
}
