/**
 * The attendance count under the checklist ("Có mặt: 3/5"), in one place for the three that show it: the
 * server, which writes it into the HTML (the form without JavaScript shows the count it was given), the
 * correction form's React (after each change) and the meeting form's inline script (after each change). It
 * takes the message with `{present}` left to fill (the total is already in it) and either the statuses as the
 * server knows them or the form, whose checked `att.<cadreId>` inputs are what the browser would send.
 *
 * Self-contained (no imports, nothing from this module's scope): the meeting form's page has no module system
 * in the browser, so its script receives this function's text (components/field/meeting-form-script.ts).
 */
export function presentCountText(template: string, from: readonly string[] | HTMLFormElement): string {
  let present = 0;
  if (Array.isArray(from)) {
    for (const status of from) if (status === "PRESENT") present++;
  } else {
    // Not `new FormData(form)`: building it for the whole form made the kept form open ~300 ms slower offline on
    // a throttled phone (BENCHMARKS.md, issue 19); the checked `att.` inputs are what it would have sent of them.
    (from as HTMLFormElement).querySelectorAll<HTMLInputElement>('input[name^="att."]:checked').forEach((input) => {
      if (input.value === "PRESENT") present++;
    });
  }
  return template.replace("{present}", String(present));
}
