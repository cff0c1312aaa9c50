/**
 * The worker (decision 060): works the queues of lib/jobs/queue.ts in this process. `npm start`
 * runs it inside the app's server (instrumentation.ts) unless JOBS_WORKER=off; `npm run worker`
 * runs it alone, beside app processes started with JOBS_WORKER=off, on PostgreSQL.
 */
import { mailAgencyLink } from "../agency-links/email";
import { sendWeeklyDigest } from "../notifications/digest";
import { deliverNotification } from "../notifications/deliver";
import { sweepReminders } from "../notifications/sweep";
import { sweepReportReminders } from "../periodic-reports/reminders";
import { isoDay, todayInVietnam } from "../time";
import { jobQueue, QUEUES, sendOnce } from "./queue";

/** Every day at 07:00 in Vietnam; the sweep itself does nothing on a day off. */
export const SWEEP_CRON = "0 7 * * *";
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

/** The day's sweep: one job per day (its id is made from the day), sent again harmlessly. */
export function sendSweep(day: Date = todayInVietnam()) {
  return sendOnce(QUEUES.sweep, isoDay(day), { day: isoDay(day) });
}

/**
 * Runs one day's sweep, and the leaders' weekly digest when the day is its week's first working day; sends an
 * delivery job per new notification whose user chose a channel (e-mail, Zalo, SMS). `created` counts the reminders, `digest` the digests.
 */
export async function runSweep(day: string) {
  const result = await sweepReminders(new Date(`${day}T00:00:00Z`));
  const digest = result.workingDay ? await sendWeeklyDigest(new Date(`${day}T00:00:00Z`)) : null;
  // Periodic reports not sent as their deadline nears, or once it has passed (decision 081).
  const reports = result.workingDay ? await sweepReportReminders(new Date(`${day}T00:00:00Z`)) : null;
  for (const id of [...result.deliverIds, ...(digest?.deliverIds ?? []), ...(reports?.deliverIds ?? [])]) await sendOnce(QUEUES.deliver, String(id), { notificationId: id });
  return { ...result, digest: digest?.created ?? 0, reportReminders: reports?.created ?? 0 };
}

export async function startWorker(opts: { log?: (line: string) => void; sweepNow?: boolean } = {}) {
  const log = opts.log ?? ((line: string) => console.log(line));
  const boss = await jobQueue();
  await boss.work<{ day?: string }>(QUEUES.sweep, { pollingIntervalSeconds: 5 }, async (jobs) => {
    for (const job of jobs) {
      // A cron job carries no day: it is today's.
      const result = await runSweep(job.data?.day ?? isoDay(todayInVietnam()));
      log(`[jobs] reminders ${result.day}: ${result.workingDay ? `${result.created} notifications for ${result.petitions} petitions, ${result.digest} weekly digests, ${result.reportReminders} report reminders` : "not a working day"}`);
    }
  });
  await boss.work<{ notificationId: number }>(QUEUES.deliver, { pollingIntervalSeconds: 5, batchSize: 20 }, async (jobs) => {
    for (const job of jobs) await deliverNotification(job.data.notificationId);
  });
  await boss.work<{ linkId: number }>(QUEUES.agencyLinkEmail, { pollingIntervalSeconds: 5, batchSize: 20 }, async (jobs) => {
    for (const job of jobs) {
      const outcome = await mailAgencyLink(job.data.linkId);
      if (outcome !== "sent") log(`[jobs] agency link ${job.data.linkId}: ${outcome}`);
    }
  });
  await boss.schedule(QUEUES.sweep, SWEEP_CRON, {}, { tz: TIME_ZONE });
  // Today's at once: a server started after 07:00 (or the demo's first start) does not wait a day.
  if (opts.sweepNow !== false) await sendSweep();
  return boss;
}
