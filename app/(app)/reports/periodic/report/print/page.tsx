import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/reports/print-button";
import { requirePermission } from "@/lib/auth/current";
import { reportDocumentFor } from "@/lib/periodic-reports/output";
import { parsePeriodicParams, periodicQuery } from "@/lib/periodic-reports/params";
import { todayInVietnam } from "@/lib/time";

export async function generateMetadata() {
  return { title: (await getTranslations("periodicReports"))("report.printView") };
}

/** The report laid out as a Party body's report, for printing on A4 (decision 067); the same parts as the .docx. */
export default async function PeriodicReportPrintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("periodic-report:read:subtree");
  const params = parsePeriodicParams(await searchParams, todayInVietnam());
  const found = await reportDocumentFor(actor, params.unit ?? actor.unit.id, params.period);
  if (!found) notFound();
  const t = await getTranslations("periodicReports");
  const doc = found.document;
  const query = periodicQuery({ unit: found.unitId, period: params.period });
  if (!doc) {
    return (
      <p role="status" className="rounded-md bg-white p-4 text-stone-700">
        {t("own.none")}{" "}
        <Link href={`/reports/periodic/report?${query}`} className="text-brand-700 underline">
          {t("report.back")}
        </Link>
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap gap-3 text-sm print:hidden">
        <Link href={`/reports/periodic/report?${query}`} className="text-brand-700 underline">
          {t("report.back")}
        </Link>
        <PrintButton label={t("report.printView")} />
      </p>
      <article className="mx-auto max-w-[210mm] bg-white p-6 font-serif text-[14pt] leading-snug text-black shadow print:max-w-none print:p-0 print:shadow-none" data-testid="party-document">
        <div className="grid grid-cols-[45%_55%] text-center">
          <div>
            <p>{doc.superior}</p>
            <p className="font-bold">{doc.issuer}</p>
            <p>*</p>
            <p data-testid="document-number">{doc.number}</p>
          </div>
          <div>
            <p className="mx-auto w-fit border-b border-black text-[15pt] font-bold">{doc.party}</p>
            <p className="mt-2 italic">{doc.placeAndDate}</p>
          </div>
        </div>
        <h1 className="mt-6 text-center text-[16pt] font-bold">{doc.kind}</h1>
        <p className="text-center font-bold">{doc.gist}</p>
        <p className="text-center">-----</p>
        {doc.sections.map((s) => (
          <section key={s.heading} className="mt-3 text-justify">
            <h2 className="font-bold">{s.heading}</h2>
            {s.paragraphs.map((p, i) => (
              <p key={i} className="indent-[10mm]">
                {p}
              </p>
            ))}
            {s.hotspots && (
              <table className="mt-2 w-full border-collapse text-[12pt]" data-testid="print-hotspots">
                <caption className="text-left font-bold italic">{s.hotspots.caption}</caption>
                <thead>
                  <tr>
                    {s.hotspots.header.map((h, i) => (
                      <th key={h} scope="col" className={`border border-black px-2 ${i === 3 ? "text-right" : "text-left"}`}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.hotspots.rows.map((r, j) => (
                    <tr key={j}>
                      {r.map((v, i) => (
                        <td key={i} className={`border border-black px-2 align-top ${i === 3 ? "text-right tabular-nums" : "text-left"}`}>
                          {v}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {s.tables.map((table) => (
              <table key={table.caption} className="mt-2 w-full border-collapse text-[13pt]">
                <caption className="text-left font-bold italic">{table.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="border border-black px-2 text-left">Chỉ tiêu</th>
                    <th scope="col" className="border border-black px-2 text-right">Số liệu</th>
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map(([label, value]) => (
                    <tr key={label}>
                      <th scope="row" className="border border-black px-2 text-left font-normal">{label}</th>
                      <td className="border border-black px-2 text-right tabular-nums">{value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </section>
        ))}
        <div className="mt-6 grid grid-cols-2">
          <div className="text-[12pt]">
            <p className="text-[14pt] font-bold italic underline">Nơi nhận:</p>
            {doc.recipients.map((r) => (
              <p key={r}>- {r}</p>
            ))}
          </div>
          <div className="text-center font-bold" data-testid="signature-block">
            {doc.signature.capacity && <p>{doc.signature.capacity}</p>}
            <p>{doc.signature.position}</p>
            <div className="h-24" />
          </div>
        </div>
      </article>
    </div>
  );
}
