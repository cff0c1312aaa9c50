import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { AgencyPage } from "@/components/agency-links/agency-page";
import { agencyView } from "@/lib/agency-links/agency";
import { openLink } from "@/lib/agency-links/links";
import { AGENCY_LINK_RULE, agencyThrottleKey } from "@/lib/agency-links/routes";
import { takeAttempt } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { clientAddress } from "@/lib/http/client-address";

export const metadata = { title: "Trả lời kiến nghị được giao" };

/**
 * The agency's page behind its link (decision 063), open without a session: `?k=` is the token (query values
 * are masked in the log). Counted per client address; a token that opens nothing, and an address over its
 * count, get the one 404 (./not-found.tsx). Without `k`: what the page is for.
 */
export default async function AgencyLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === "string" ? (params[name] as string) : undefined);
  const token = one("k");
  if (token === undefined) {
    return (
      <main id="main" className="mx-auto max-w-2xl space-y-3 p-4">
        <h1 className="text-2xl font-semibold">Trả lời kiến nghị được giao</h1>
        <p>Trang này dành cho cơ quan được giao giải quyết kiến nghị. Hãy mở đường liên kết mà cán bộ Ban Dân vận đã gửi cho cơ quan.</p>
      </main>
    );
  }
  const address = clientAddress((await headers()).get("x-forwarded-for"));
  if (!(await takeAttempt(db, agencyThrottleKey(address), AGENCY_LINK_RULE))) notFound();
  const link = await openLink(token);
  if (!link) notFound();
  const view = await agencyView(link);
  if (!view) notFound();
  return <AgencyPage view={view} token={token} sent={one("da-gui")} error={one("loi")} form={one("mau")} />;
}
