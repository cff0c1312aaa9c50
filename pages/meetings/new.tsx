/**
 * /meetings/new, the one page on the Pages Router (decision 019): served as plain HTML with
 * no framework JavaScript (`unstable_runtimeJS: false`), so that a commune secretary's phone
 * on a slow connection loads only the form and its small inline script. The page posts to
 * itself: a refusal comes back as the form with its messages and what was typed; a saved
 * meeting redirects (303) to its page. Same session, scope and action chain as the App Router.
 */
import type { GetServerSideProps } from "next";
import Head from "next/head";
import { NextIntlClientProvider, useTranslations } from "next-intl";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { MeetingTargetChoice } from "@/components/meetings/meeting-target-choice";
import { AppShell } from "@/components/shell/app-shell";
import { NotFoundContent } from "@/components/shell/not-found-content";
import { SignInAgainPage } from "@/components/shell/sign-in-again-page";
import { formPost, refusalAsFailure, runFormAction } from "@/lib/actions/form-post";
import type { ActionFailure } from "@/lib/actions/result";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { gateOfPagesRequest } from "@/lib/auth/pages";
import { gate } from "@/lib/auth/gate";
import { serializeCookie } from "@/lib/auth/session-cookie";
import { carriedFields, takeSignInAgainFields } from "@/lib/auth/sign-in-again";
import { signInRequestOfPage, signInWith } from "@/lib/auth/sign-in-form";
import { NONCE_HEADER } from "@/lib/http/security-headers";
import { LOCALE_COOKIE, TIME_ZONE, toLocale, type Locale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import vi from "@/lib/i18n/messages/vi.json";
import { logMeeting } from "@/lib/meetings/create";
import { newMeetingView, type NewMeetingView } from "@/lib/meetings/new-page";
import { headerUnreadCount } from "@/lib/notifications/queries";

// `runtime` only so that Next.js's page-config type accepts the object; `unstable_runtimeJS` is what matters.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

interface Props {
  locale: Locale;
  /** null: not signed in (the form arrived after the session lapsed) or refused. */
  actor: Actor | null;
  /** null: the user may not log meetings (answered 404, like a record out of scope). */
  view: NewMeetingView | null;
  /** The refused submission, when the page answers one. */
  failure: ActionFailure | null;
  /** The form arrived after the session lapsed: what was typed, to carry back with a sign-in. */
  signInAgain?: { action: string; fields: [string, string][]; hadFiles: boolean; error: string | null };
  /** This response's CSP nonce, set by proxy.ts (decision 023), for the form's inline script. */
  nonce: string;
  /** The header's unread notifications, as on the App Router's shell (decision 062); null: no centre. */
  unreadCount?: number | null;
}

function Content({ view, failure, nonce }: { view: NewMeetingView; failure: ActionFailure | null; nonce: string }) {
  const t = useTranslations("meetings");
  const tp = useTranslations("petitions");
  const appName = useTranslations("app")("name");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Head>
        <title>{`${t("new.title")} · ${appName}`}</title>
      </Head>
      <h1 className="text-2xl font-semibold">{t("new.title")}</h1>
      {view.step === "choose" ? (
        <MeetingTargetChoice view={view} />
      ) : (
        <MeetingForm
          action={`/meetings/new?kind=${view.kind}&target=${view.target}`}
          state={failure}
          idempotencyKey={view.idempotencyKey}
          today={view.today}
          kind={view.kind}
          kindLabel={t(`kinds.${view.kind}`)}
          target={view.target}
          heldBy={view.heldBy}
          visitor={view.visitor}
          defaults={view.defaults}
          roster={view.roster}
          openPetitions={view.openPetitions.map((p) => ({ ...p, statusLabel: tp(`statuses.${p.status}`) }))}
          raisedUnits={view.raisedUnits}
          fields={view.fields}
          nonce={nonce}
        />
      )}
    </div>
  );
}

function SignInAgainScreen({ action, fields, hadFiles, error }: NonNullable<Props["signInAgain"]>) {
  const t = useTranslations();
  return (
    <>
      <Head>
        <title>{`${t("signInAgain.title")} · ${t("app.name")}`}</title>
      </Head>
      <SignInAgainPage action={action} fields={fields} hadFiles={hadFiles} error={error ?? undefined} />
    </>
  );
}

export default function NewMeetingPage({ locale, actor, view, failure, signInAgain, nonce, unreadCount }: Props) {
  return (
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : vi} timeZone={TIME_ZONE}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#b42318" />
      </Head>
      {/* As on the App Router, "not found" is shown without the shell. */}
      {signInAgain ? (
        <SignInAgainScreen {...signInAgain} />
      ) : view && actor ? (
        <AppShell actor={actor} unreadCount={unreadCount ?? undefined} nonce={nonce}>
          <Content view={view} failure={failure} nonce={nonce} />
        </AppShell>
      ) : (
        <NotFoundContent />
      )}
    </NextIntlClientProvider>
  );
}

const PATH = "/meetings/new";
const PERMISSION = "meeting:create:subtree";

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res, query, resolvedUrl }) => {
  const locale = toLocale(req.cookies[LOCALE_COOKIE]);
  // The one gate of every way in (lib/auth/gate.ts): session, password change, second factor, a closed home unit, permission.
  let answer = await gateOfPagesRequest(req, res, PATH, PERMISSION);
  const post = req.method === "POST" ? formPost(req) : null;
  if (post?.crossSite) {
    res.statusCode = 403;
    return { props: { locale, actor: null, view: null, failure: null, nonce: "" } };
  }
  const form = post ? await post.read() : null;
  if (!answer.pass && answer.answer === "sign-in") {
    if (!(form instanceof FormData)) return { redirect: { destination: `/login?expired=1&callbackUrl=${encodeURIComponent(resolvedUrl)}`, permanent: false } };
    // The session lapsed while the form was being filled in: sign in on the page, keep the form.
    const credentials = takeSignInAgainFields(form);
    const signedIn = credentials && (await signInWith(credentials.username, credentials.password, signInRequestOfPage(req), credentials.code));
    if (!signedIn?.ok) {
      return { props: { locale, actor: null, view: null, failure: null, nonce: "", signInAgain: { ...carriedFields(form), action: resolvedUrl, error: signedIn?.error ?? null } } };
    }
    res.setHeader("Set-Cookie", signedIn.cookies.map((c) => serializeCookie(c.name, c.value, c.options)));
    answer = gate(await loadActor(signedIn.userId), PATH, PERMISSION);
  }
  if (!answer.pass && answer.answer === "sign-in") return { redirect: { destination: "/login?expired=1", permanent: false } };
  if (!answer.pass && answer.answer === "elsewhere") return { redirect: { destination: answer.to, permanent: false } };
  const nonceHeader = req.headers[NONCE_HEADER];
  const nonce = typeof nonceHeader === "string" ? nonceHeader : "";
  if (!answer.pass) {
    res.statusCode = 404;
    return { props: { locale, actor: null, view: null, failure: null, nonce } };
  }
  const actor = answer.actor;
  let failure: ActionFailure | null = null;
  if (form) {
    const result = form instanceof FormData ? await runFormAction(logMeeting, form, actor) : refusalAsFailure(form);
    if (result.ok) return { redirect: { destination: `/meetings/${result.data.id}?${result.data.created ? "created" : "resubmitted"}=1`, statusCode: 303 } };
    failure = result;
  }
  const [view, unreadCount] = await Promise.all([newMeetingView(actor, query), headerUnreadCount(actor)]);
  return { props: { locale, actor, failure, view, unreadCount, nonce } };
};
