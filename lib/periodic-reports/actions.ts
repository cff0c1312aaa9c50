"use server";
import { defineAction, type ActionState } from "../actions/define-action";
import type { PeriodicReportStatus } from "../generated/prisma/enums";
import { decideReport, refreshReport, saveReport, startReport } from "./mutations";
import { addHotspot, removeHotspot } from "./hotspots";
import { saveTemplate } from "./template-admin";
import { saveTemplateSchema, addHotspotSchema, decideReportSchema, refreshReportSchema, removeHotspotSchema, saveReportSchema, startReportSchema } from "./schemas";

const PAGES = () => ["/reports/periodic", "/reports/periodic/report", "/reports/periodic/inbox", "/reports/periodic/hotspots", "/reports"];

const start = defineAction({ schema: startReportSchema, permission: "periodic-report:write:subtree", run: ({ input, actor }) => startReport(actor, input), revalidate: PAGES });
const save = defineAction({ schema: saveReportSchema, permission: "periodic-report:write:subtree", run: ({ input, actor }) => saveReport(actor, input), revalidate: PAGES });
const refresh = defineAction({ schema: refreshReportSchema, permission: "periodic-report:write:subtree", run: ({ input, actor }) => refreshReport(actor, input), revalidate: PAGES });
const hotspotAdd = defineAction({ schema: addHotspotSchema, permission: "periodic-report:write:subtree", run: ({ input, actor }) => addHotspot(actor, input), revalidate: PAGES });
const hotspotRemove = defineAction({ schema: removeHotspotSchema, permission: "periodic-report:write:subtree", run: ({ input, actor }) => removeHotspot(actor, input), revalidate: PAGES });
const templateSave = defineAction({
  schema: saveTemplateSchema,
  permission: "periodic-template:manage:subtree",
  run: ({ input, actor }) => saveTemplate(actor, input),
  revalidate: () => ["/admin/report-templates", "/admin/report-templates/edit"],
});
const decide = defineAction({ schema: decideReportSchema, permission: "periodic-report:approve:subtree", run: ({ input, actor }) => decideReport(actor, input), revalidate: PAGES });

export async function startReportAction(prev: ActionState<{ reportId: number }>, formData: FormData) {
  return start(prev, formData);
}

export async function saveReportAction(prev: ActionState<{ reportId: number; status: PeriodicReportStatus }>, formData: FormData) {
  return save(prev, formData);
}

export async function refreshReportAction(prev: ActionState<{ reportId: number }>, formData: FormData) {
  return refresh(prev, formData);
}

export async function decideReportAction(prev: ActionState<{ reportId: number; status: PeriodicReportStatus }>, formData: FormData) {
  return decide(prev, formData);
}

export async function addHotspotAction(prev: ActionState<{ hotspotId: number }>, formData: FormData) {
  return hotspotAdd(prev, formData);
}

export async function removeHotspotAction(prev: ActionState<{ reportId: number }>, formData: FormData) {
  return hotspotRemove(prev, formData);
}

export async function saveTemplateAction(prev: ActionState<{ version: number; newVersion: boolean }>, formData: FormData) {
  return templateSave(prev, formData);
}
