import { toSearchText } from "../text/search";

/**
 * The search columns of a petition: code and content for everyone (`searchText`); the
 * petitioner's name and phone apart (`petitionerSearch`), searched only by those who may
 * see them. Both accent-free and trigram-indexed.
 */
export function petitionSearchColumns(p: { code: string; content: string; petitionerName?: string | null; petitionerPhone?: string | null }) {
  const petitioner = toSearchText([p.petitionerName ?? "", p.petitionerPhone ?? ""].join(" "));
  return { searchText: toSearchText(`${p.code} ${p.content}`), petitionerSearch: petitioner || null };
}

/**
 * `searchText` around a running number not yet known, for a code numbered inside the intake
 * statement: `before + number + after` equals `petitionSearchColumns` of the finished code
 * (lib/petitions/search.test.ts checks it).
 */
export function petitionSearchTextAround(prefix: string, content: string): { before: string; after: string } {
  const text = toSearchText(content);
  return { before: toSearchText(prefix), after: text ? ` ${text}` : "" };
}
