import type { Prisma } from "../generated/prisma/client";
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

/**
 * The words of a search, accent-free, as the list matches them (at most 8). LIKE's wildcards and its
 * escape character end a word: Prisma's `contains` and `startsWith` pass them on unescaped, and "%"
 * or "_" typed as a search matched every petition, in every tier.
 */
export function searchWords(q: string | undefined): string[] {
  return q ? toSearchText(q).replace(/[%_\\]/g, " ").split(" ").filter(Boolean).slice(0, 8) : [];
}

type SearchColumn = "searchText" | "petitionerSearch";
type Where = Prisma.PetitionWhereInput;

/**
 * Any of `matches` on a column, false (never unknown) where the column is null: a tier is also
 * used negated (`NOT`), and SQL's NOT of unknown would drop a petition without a petitioner.
 */
const on = (column: SearchColumn, matches: Prisma.StringFilter[]): Where[] =>
  column === "petitionerSearch"
    ? [{ AND: [{ petitionerSearch: { not: null } }, { OR: matches.map((m) => ({ petitionerSearch: m })) }] }]
    : matches.map((m) => ({ searchText: m }));

/** `text` as a whole word (or words) of a column: between spaces or at either end. */
const wholeIn = (column: SearchColumn, text: string): Where[] => on(column, [{ contains: ` ${text} ` }, { startsWith: `${text} ` }, { endsWith: ` ${text}` }, { equals: text }]);

/** `word` at the start of a word of a column. */
const prefixIn = (column: SearchColumn, word: string): Where[] => on(column, [{ contains: ` ${word}` }, { startsWith: word }]);

/**
 * How well a petition matches a search, best first (issue 14): a list in the order "relevance" shows
 * the first tier's petitions, newest first, then the next tier's, and so on. Each is a condition on the
 * search columns, which every row of the list already matches word by word (anywhere in a word):
 * 1. the petitioner's full name, as typed (only for those who may see names);
 * 2. the whole search as a phrase of the code and content;
 * 3. every word a whole word;
 * 4. every word the start of a word;
 * then the rest ("do" inside "lado"). Words end at spaces: a word against punctuation ("khai,")
 * counts as the start of a word only.
 */
export function searchTiers(words: readonly string[], personal: boolean): Where[] {
  if (!words.length) return [];
  const columns: SearchColumn[] = personal ? ["searchText", "petitionerSearch"] : ["searchText"];
  const phrase = words.join(" ");
  return [
    ...(personal ? [{ OR: on("petitionerSearch", [{ startsWith: `${phrase} ` }, { equals: phrase }]) }] : []),
    { OR: wholeIn("searchText", phrase) },
    { AND: words.map((w) => ({ OR: columns.flatMap((c) => wholeIn(c, w)) })) },
    { AND: words.map((w) => ({ OR: columns.flatMap((c) => prefixIn(c, w)) })) },
  ];
}
