import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { TemplateForm } from "@/components/periodic-reports/template-form";
import { requirePermission } from "@/lib/auth/current";
import { FIGURE_KEYS } from "@/lib/periodic-reports/figures";
import { REPORT_PERIOD_KINDS } from "@/lib/periodic-reports/period";
import { TEMPLATE_LEVELS } from "@/lib/periodic-reports/schemas";
import { SECTION_KEYS } from "@/lib/periodic-reports/template";
import { keepsTemplates, templateLevels, templateShown } from "@/lib/periodic-reports/template-admin";

export async function generateMetadata() {
  return { title: (await getTranslations("periodicReports"))("templates.title") };
}

const params = z.object({ level: z.enum(TEMPLATE_LEVELS), kind: z.enum(REPORT_PERIOD_KINDS) });

/** One template's form: figures, sections, deadline; says before the save whether it changes the version or makes the next. */
export default async function EditReportTemplatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("periodic-template:manage:subtree");
  const raw = await searchParams;
  const parsed = params.safeParse({ level: [raw.level].flat()[0], kind: [raw.kind].flat()[0] });
  if (!keepsTemplates(actor) || !parsed.success || !(templateLevels(actor) as string[]).includes(parsed.data.level)) notFound();
  const { level, kind } = parsed.data;
  const shown = await templateShown(actor, level, kind);
  const [t, tl] = await Promise.all([getTranslations("periodicReports"), getTranslations("levels")]);
  const notice =
    shown.origin !== "own"
      ? t("templates.newNotice")
      : shown.frozen
        ? t("templates.frozenNotice", { version: String(shown.version), next: String(shown.version! + 1) })
        : t("templates.openNotice", { version: String(shown.version) });
  return (
    <div className="space-y-5">
      <p className="text-sm">
        <Link href="/admin/report-templates" className="text-brand-700 underline">
          {t("templates.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("templates.editTitle", { kind: t(`kind.${kind}`).toLowerCase(), level: tl(level).replace(/^Cấp /, "").toLowerCase() })}</h1>
      <p className={`rounded-md p-3 ${shown.frozen && shown.origin === "own" ? "bg-amber-50 text-amber-900" : "bg-sky-50 text-sky-900"}`} data-testid="template-notice">
        {notice}
      </p>
      <TemplateForm
        level={level}
        kind={kind}
        shownVersion={shown.ownVersion}
        figures={FIGURE_KEYS.map((k) => ({ key: k, label: t(`figure.${k}`), checked: shown.figureKeys.includes(k) }))}
        sections={SECTION_KEYS.map((k) => ({ key: k, label: t(`section.${k}`), checked: shown.sectionKeys.includes(k) }))}
        deadlineDay={shown.deadlineDay}
        labels={{
          figures: t("templates.figures"),
          sections: t("templates.sections"),
          deadline: t("templates.deadlineField"),
          confirm: t("templates.confirm"),
          save: t("templates.save"),
          saved: t("templates.savedVersion", { version: "{version}" }),
          conflict: t("report.conflict"),
        }}
      />
    </div>
  );
}
