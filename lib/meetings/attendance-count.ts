/**
 * The attendance count under the checklist ("Có mặt: 3/5"), in one place for the three that show it: the
 * server, which writes it into the HTML (the form without JavaScript shows the count it was given), the
 * correction form's React (after each change) and the meeting form's inline script (after each change). It
 * takes the message with `{present}` left to fill (the total is already in it) and either the statuses as the
 * server knows them or the form, whose `att.<cadreId>` values are read as the browser would send them.
 *
 * Self-contained (no imports, nothing from this module's scope): the meeting form's page has no module system
 * in the browser, so its script receives this function's text (components/field/meeting-form-script.ts).
 */
export function presentCountText(template: string, from: readonly string[] | HTMLFormElement): string {
  let present = 0;
  if (Array.isArray(from)) {
    for (const status of from) if (status === "PRESENT") present++;
  } else {
    new FormData(from as HTMLFormElement).forEach((value, name) => {
      if (name.startsWith("att.") && value === "PRESENT") present++;
    });
  }
  return template.replace("{present}", String(present));
}
