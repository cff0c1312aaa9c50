import Link from "@/components/link";
import { SortHeader } from "@/components/sort-header";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { heldListHref, MAX_HELD_QUERY_LENGTH, parseHeldListParams, type HeldSort } from "@/lib/agency-accounts/list-params";
import { listHeldPetitions } from "@/lib/agency-accounts/queries";
import { requirePermission } from "@/lib/auth/current";
import { formatDate } from "@/lib/format";

export const metadata = { title: "Kiến nghị được giao" };

const inputClass = "mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base";

/**
 * An agency's account (decision 064): the petitions its agency holds or held, 20 a page, searched by code and
 * content (accents ignored), filtered by whether the agency still holds them, sorted by a column. No personal
 * data here. Vietnamese only, as the agency's link page.
 */
export default async function HeldPetitionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("agency-petition:read:agency");
  const params = parseHeldListParams(await searchParams);
  const list = await listHeldPetitions(actor, params);
  if (!list) notFound();
  const t = await getTranslations({ locale: "vi", namespace: "petitions" });
  const { agency, items, total, page, pages } = list;
  const filtered = params.q !== "" || params.state !== null;
  const sortHeader = (column: HeldSort, label: string) => (
    <SortHeader
      label={label}
      ariaLabel={`Sắp xếp theo ${label.toLowerCase()}`}
      current={params.sort === column}
      dir={params.dir}
      firstDir="desc"
      href={(dir) => heldListHref(params, { sort: column, dir, page: 1 })}
    />
  );
  return (
    <div className="space-y-4">
      <section aria-labelledby="held-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h1 id="held-title" className="text-2xl font-semibold">
          Kiến nghị được giao
        </h1>
        <p className="mt-1 text-stone-700">
          {agency.name} ({agency.unit.typeLabel} {agency.unit.name}): các kiến nghị cơ quan đang hoặc đã được giao chủ trì giải quyết. Mở một kiến nghị để báo cáo tiến độ, đề xuất kết
          quả hoặc xin gia hạn.
        </p>
        <form method="get" action="/agency" role="search" aria-label="Lọc kiến nghị" className="mt-4 grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
          <div>
            <label htmlFor="held-q" className="block text-sm font-medium">
              Tìm theo mã hoặc nội dung
            </label>
            <input id="held-q" name="q" type="search" defaultValue={params.q} maxLength={MAX_HELD_QUERY_LENGTH} autoComplete="off" spellCheck={false} className={inputClass} />
          </div>
          <div>
            <label htmlFor="held-state" className="block text-sm font-medium">
              Tình trạng
            </label>
            <select id="held-state" name="state" defaultValue={params.state ?? ""} className={inputClass}>
              <option value="">Tất cả</option>
              <option value="dang-giu">Đang giải quyết (cơ quan đang giữ)</option>
              <option value="da-xong">Đã xong hoặc đã chuyển</option>
            </select>
          </div>
          {params.sort !== "receivedOn" && <input type="hidden" name="sort" value={params.sort} />}
          {params.dir !== "desc" && <input type="hidden" name="dir" value={params.dir} />}
          <div className="flex gap-2">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              Lọc
            </button>
            {filtered && (
              <Link href="/agency" className="self-center text-sm text-brand-700 underline underline-offset-2">
                Bỏ lọc
              </Link>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="held-list-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="held-list-title" className="text-lg font-semibold">
          {total.toLocaleString("vi-VN")} kiến nghị
        </h2>
        {items.length === 0 ? (
          <p role="status" className="mt-2 text-stone-600">
            {filtered ? "Không có kiến nghị nào khớp với bộ lọc." : "Cơ quan chưa được giao kiến nghị nào."}
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="held-petitions">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  {sortHeader("code", "Mã")}
                  <th scope="col" className="py-2 pr-3">
                    Lĩnh vực
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Nơi phát sinh
                  </th>
                  {sortHeader("receivedOn", "Ngày tiếp nhận")}
                  {sortHeader("dueOn", "Hạn giải quyết")}
                  <th scope="col" className="py-2 pr-3">
                    Trạng thái
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {items.map((p) => (
                  <tr key={p.id} className="align-top">
                    <td className="py-2 pr-3 font-mono">
                      <Link href={`/agency/${p.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                        {p.code}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{p.field.name}</td>
                    <td className="py-2 pr-3">
                      {p.unit.typeLabel} {p.unit.name}
                    </td>
                    <td className="py-2 pr-3">{formatDate(p.receivedOn)}</td>
                    <td className="py-2 pr-3">{p.dueOn ? formatDate(p.dueOn) : "Chưa có"}</td>
                    <td className="py-2 pr-3">{p.heldNow ? t(`statuses.${p.status}`) : `${t(`statuses.${p.status}`)} · không còn giữ`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav aria-label="Trang" className="mt-4 flex flex-wrap items-center gap-3 text-sm">
            {page > 1 && (
              <Link href={heldListHref(params, { page: page - 1 })} className="rounded-md border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-100">
                Trang trước
              </Link>
            )}
            <span>
              Trang {page} / {pages}
            </span>
            {page < pages && (
              <Link href={heldListHref(params, { page: page + 1 })} className="rounded-md border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-100">
                Trang sau
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
