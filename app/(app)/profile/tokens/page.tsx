import { getTranslations } from "next-intl/server";
import { ProfileBreadcrumb } from "@/components/shell/profile-breadcrumb";
import { CreateTokenForm, RevokeTokenForm } from "@/components/api/token-forms";
import { requirePermission } from "@/lib/auth/current";
import { listOwnTokens, TOKEN_LIST_LIMIT } from "@/lib/api/tokens";
import { formatDate, formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";

const STATUS_KEYS = { active: "statusActive", expired: "statusExpired", revoked: "statusRevoked" } as const;
const STATUS_CLASS = { active: "text-green-800", expired: "text-stone-600", revoked: "text-red-800" } as const;

/** "Mã truy cập API": the signed-in user's own tokens; make one (shown once), revoke one. */
export default async function ApiTokensPage() {
  const actor = await requirePermission("api-token:manage:own");
  const [t, tokens] = await Promise.all([getTranslations("apiTokens"), listOwnTokens(actor)]);
  return (
    <div className="space-y-4">
      <ProfileBreadcrumb current={t("title")} />
      <section className="space-y-2 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">{t("intro")}</p>
        <p>
          <a href="/api/v1/openapi.json" className="text-brand-700 underline underline-offset-2">
            {t("docsLink")}
          </a>
        </p>
      </section>
      <section className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <CreateTokenForm />
      </section>
      <section aria-labelledby="tokens-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="tokens-title" className="text-lg font-semibold">
          {t("listTitle")}
        </h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("empty")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("name")}</th>
                  <th scope="col" className="py-2 pr-3">{t("prefix")}</th>
                  <th scope="col" className="py-2 pr-3">{t("createdAt")}</th>
                  <th scope="col" className="py-2 pr-3">{t("lastUsedAt")}</th>
                  <th scope="col" className="py-2 pr-3">{t("expiresAt")}</th>
                  <th scope="col" className="py-2 pr-3">{t("status")}</th>
                  <th scope="col" className="py-2 pr-3">{t("actions")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {tokens.map((token) => (
                  <tr key={token.id} className="align-top">
                    <th scope="row" className="py-2 pr-3 font-medium">{token.name}</th>
                    <td className="py-2 pr-3 font-mono">{token.prefix}…</td>
                    <td className="py-2 pr-3">{formatDate(token.createdAt)}</td>
                    <td className="py-2 pr-3">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("never")}</td>
                    <td className="py-2 pr-3">{token.expiresAt ? formatDate(token.expiresAt) : t("noExpiry")}</td>
                    <td className={`py-2 pr-3 ${STATUS_CLASS[token.status]}`}>{t(STATUS_KEYS[token.status])}</td>
                    <td className="py-2 pr-3">{token.status === "active" && <RevokeTokenForm tokenId={token.id} name={token.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {tokens.length >= TOKEN_LIST_LIMIT && <p className="mt-2 text-sm text-stone-600">{t("listNote", { count: TOKEN_LIST_LIMIT })}</p>}
          </div>
        )}
      </section>
    </div>
  );
}
