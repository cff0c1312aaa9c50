"use server";
import { defineAction, type ActionState } from "../actions/define-action";
import { saveSheet, saveTemplate, setWeakestShare } from "./mutations";
import { sheetSchema, templateSchema, weakestShareSchema } from "./schemas";

const PAGES = () => ["/scoring", "/scoring/templates", "/scoring/sheet", "/reports"];

const template = defineAction({ schema: templateSchema, permission: "scoring:configure:subtree", run: ({ input, actor }) => saveTemplate(actor, input), revalidate: PAGES });
const share = defineAction({ schema: weakestShareSchema, permission: "scoring:configure:subtree", run: ({ input, actor }) => setWeakestShare(actor, input), revalidate: PAGES });
const sheet = defineAction({ schema: sheetSchema, permission: "scoring:score:subtree", run: ({ input, actor }) => saveSheet(actor, input), revalidate: PAGES });

export async function saveScoringTemplateAction(prev: ActionState<{ templateId: number; version: number; created: boolean }>, formData: FormData) {
  return template(prev, formData);
}

export async function setWeakestShareAction(prev: ActionState<{ unitId: number; weakestShare: number }>, formData: FormData) {
  return share(prev, formData);
}

export async function saveSheetAction(prev: ActionState<{ sheetId: number; total: number; maxTotal: number; percent: number }>, formData: FormData) {
  return sheet(prev, formData);
}
