/**
 * Accent-insensitive search text for Vietnamese: "Lập Thạch" → "lap thach",
 * "Đồng Ích" → "dong ich". Stored in `searchName`/`searchText` columns (trigram
 * indexed) and applied to queries, so "lap thach" finds "Lập Thạch".
 */
export function toSearchText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Text put into a LIKE pattern as itself: "%", "_" and the escape character "\\" match only themselves. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
