import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssessModelForm, BuildModelForm, EvidenceForm, RecogniseModelForm, ReplicateModelForm } from "@/components/good-practice/model-forms";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { parseId } from "@/lib/forms/fields";
import { formatDate } from "@/lib/format";
import { getModel } from "@/lib/good-practice/queries";
import { openSteps, recognitionChoices } from "@/lib/good-practice/workflow";
import { isoDay, todayInVietnam } from "@/lib/time";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("goodPractice"))("title") };
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="whitespace-pre-line">{children}</dd>
    </div>
  );
}

/** A model, its life cycle's next steps for this user, its replications and evidence (decision 076). */
export default async function ModelPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("good-practice:read:subtree");
  const id = parseId((await params).id);
  const model = id === null ? null : await getModel(actor, id);
  if (!model) notFound();
  const t = await getTranslations("goodPractice");
  const today = isoDay(todayInVietnam());
  const writes = allows(actor, "good-practice:write:subtree");
  const assesses = allows(actor, "good-practice:assess:subtree");
  const steps = openSteps(model.status);
  const levels = recognitionChoices(actor.unit.level, model.unit.level, model.recognitionLevel);
  const canBuild = writes && steps.includes("build");
  const canAssess = assesses && steps.includes("assess");
  const canRecognise = assesses && steps.includes("recognise") && model.effective === true && levels.length > 0;
  const canReplicate = writes && steps.includes("replicate");

  return (
    <div className="space-y-4">
      <Link href="/models" className="text-sm text-brand-700 underline underline-offset-2">
        {t("detail.back")}
      </Link>
      <section aria-labelledby="model-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h1 id="model-title" className="text-2xl font-semibold">
          {model.title}
        </h1>
        <p className="mt-1 flex flex-wrap gap-2 text-sm">
          <span className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-800" data-testid="model-status">
            {t(`statuses.${model.status}`)}
            {model.recognitionLevel && ` · ${t(`levels.${model.recognitionLevel}`)}`}
          </span>
          <span className="text-stone-600">
            {t(`fields.${model.field}`)} · {model.year}
          </span>
        </p>
        <dl className="mt-3 divide-y divide-stone-100">
          <Row label={t("detail.unit")}>{unitFullName(model.unit)}</Row>
          <Row label={t("detail.description")}>{model.description}</Row>
          <Row label={t("detail.inCharge")}>{model.inCharge}</Row>
          <Row label={t("detail.registeredOn")}>
            {formatDate(model.registeredOn)} · {model.createdBy.displayName}
          </Row>
          {model.buildingOn && <Row label={t("detail.buildingOn")}>{formatDate(model.buildingOn)}</Row>}
          {model.assessedOn && (
            <Row label={t("detail.assessment")}>
              <span data-testid="model-assessment">
                {formatDate(model.assessedOn)} · {t("detail.score")}: {model.assessmentScore} · {model.effective ? t("detail.effective") : t("detail.notEffective")}
              </span>
              {model.assessmentNote && <span className="block text-stone-700">{model.assessmentNote}</span>}
            </Row>
          )}
          {model.recognisedOn && model.recognitionLevel && (
            <Row label={t("detail.recognition")}>
              {t(`levels.${model.recognitionLevel}`)} · {formatDate(model.recognisedOn)}
            </Row>
          )}
        </dl>
      </section>

      <section aria-labelledby="replications-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="replications-title" className="text-lg font-semibold">
          {t("detail.replications")}
        </h2>
        {model.replications.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("detail.noReplications")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-100" data-testid="model-replications">
            {model.replications.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>{unitFullName(r.unit)}</span>
                <span className="text-stone-600">
                  {t("detail.adoptedOn")}: {formatDate(r.adoptedOn)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="evidence-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="evidence-title" className="text-lg font-semibold">
          {t("detail.evidence")}
        </h2>
        {model.attachments.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("detail.noEvidence")}</p>
        ) : (
          <ul className="mt-2 list-inside list-disc">
            {model.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/models/${model.id}/attachments/${a.id}`} className="text-brand-700 underline underline-offset-2">
                  {a.fileName}
                </a>{" "}
                <span className="text-sm text-stone-600">({Math.ceil(a.size / 1024)} KB)</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {(writes || assesses) && (
        <section aria-labelledby="steps-title" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
          <h2 id="steps-title" className="text-lg font-semibold">
            {t("detail.steps")}
          </h2>
          {canBuild && <BuildModelForm modelId={model.id} version={model.version} />}
          {canAssess && <AssessModelForm modelId={model.id} version={model.version} today={today} />}
          {assesses && steps.includes("recognise") && model.effective !== true && <p className="text-sm text-stone-700">{t("step.recogniseNeedsEffective")}</p>}
          {canRecognise && <RecogniseModelForm modelId={model.id} version={model.version} today={today} levels={levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))} />}
          {canReplicate && <ReplicateModelForm modelId={model.id} version={model.version} today={today} />}
          {writes && <EvidenceForm modelId={model.id} version={model.version} />}
          {!canBuild && !canAssess && !canRecognise && !canReplicate && !writes && <p className="text-stone-600">{t("detail.noSteps")}</p>}
        </section>
      )}
    </div>
  );
}
