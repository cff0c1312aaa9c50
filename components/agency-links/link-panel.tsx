"use client";
import { useActionState, useId, useState } from "react";
import { decideAgencyAnswerAction, reissueAgencyLinkAction, revokeAgencyLinkAction } from "@/lib/agency-links/actions";

/** What the panel shows; dates are already written dd/mm/yyyy by the server. */
export interface LinkPanelProps {
  petitionId: number;
  version: number;
  agency: string;
  link: { url: string; expiresOn: string } | null;
  /** Whether the live link was e-mailed to the agency (decision 075); `at` written by the server. */
  email: { state: "sent"; to: string; at: string } | { state: "queued" | "not-sent"; to: string } | { state: "no-address" | "off" } | null;
  waiting: { id: number; kind: "RESULT" | "EXTENSION" | "PROGRESS"; text: string; resolution: string | null; days: number | null; sentAt: string; agency: string; attachment: { href: string; fileName: string } | null }[];
}

const button = "rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium hover:bg-stone-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600";
const primary = "rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600";
const RESOLUTION: Record<string, string> = { SETTLED: "đã giải quyết xong (dứt điểm)", EXPLAINED: "chỉ giải thích, trả lời" };

function Failure({ state }: { state: { ok: boolean; error?: string; fieldErrors?: Partial<Record<string, string[]>> } | null }) {
  if (!state || state.ok) return null;
  const first = Object.values(state.fieldErrors ?? {})[0]?.[0];
  const text =
    first ??
    (state.error === "CONFLICT" ? "Kiến nghị vừa được người khác cập nhật: vui lòng tải lại trang." : state.error === "INVALID_STATE" ? "Không thể làm việc này ở trạng thái hiện tại của kiến nghị." : state.error === "NOT_FOUND" ? "Không tìm thấy." : "Có lỗi, vui lòng thử lại.");
  return <p role="alert" className="text-sm text-red-800">{text}</p>;
}

function Decide({ answer, version }: { answer: LinkPanelProps["waiting"][number]; version: number }) {
  const [state, action, pending] = useActionState(decideAgencyAnswerAction, null);
  const id = useId();
  const title = answer.kind === "RESULT" ? `Đề xuất kết quả: ${RESOLUTION[answer.resolution ?? ""] ?? ""}` : `Xin gia hạn ${answer.days} ngày làm việc`;
  return (
    <li className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid={`agency-answer-${answer.id}`}>
      <p className="font-medium">{title}</p>
      <p className="text-sm text-stone-600">{answer.agency} · {answer.sentAt}</p>
      <p className="whitespace-pre-line text-sm">{answer.text}</p>
      {answer.attachment && (
        <p className="text-sm">
          Văn bản trả lời: <a href={answer.attachment.href} className="text-brand-700 underline underline-offset-2">{answer.attachment.fileName}</a>
        </p>
      )}
      {state?.ok ? (
        <p role="status" className="text-sm text-green-900">Đã ghi quyết định.</p>
      ) : (
        <form action={action} className="space-y-2">
          <input type="hidden" name="answerId" value={answer.id} />
          <input type="hidden" name="version" value={version} />
          <label htmlFor={`${id}-note`} className="block text-sm font-medium">Ghi chú (bắt buộc khi trả lại)</label>
          <textarea id={`${id}-note`} name="note" rows={2} maxLength={2000} className="block w-full rounded-md border border-stone-300 px-3 py-2 text-sm" />
          <Failure state={state} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" name="decision" value="accept" disabled={pending} className={primary}>
              {answer.kind === "RESULT" ? "Chấp nhận kết quả" : "Chấp nhận gia hạn"}
            </button>
            <button type="submit" name="decision" value="refuse" disabled={pending} className={button}>
              {answer.kind === "RESULT" ? "Trả lại kết quả" : "Từ chối gia hạn"}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function EmailLine({ email }: { email: NonNullable<LinkPanelProps["email"]> }) {
  const text =
    email.state === "sent"
      ? `Đã gửi qua e-mail tới ${email.to} lúc ${email.at}.`
      : email.state === "queued"
        ? `Đang chờ gửi qua e-mail tới ${email.to}.`
        : email.state === "not-sent"
          ? `Chưa gửi qua e-mail: địa chỉ ${email.to} được đặt sau khi cấp đường liên kết; cấp lại để gửi.`
          : email.state === "no-address"
            ? "Cơ quan chưa có địa chỉ e-mail: hãy sao chép đường liên kết và gửi cho cơ quan (địa chỉ e-mail đặt tại danh sách cơ quan chủ trì)."
            : "Máy chủ chưa cấu hình gửi e-mail: hãy sao chép đường liên kết và gửi cho cơ quan.";
  return (
    <p className="text-sm" data-testid="agency-link-email" data-state={email.state}>
      {text}
    </p>
  );
}

/**
 * The agency's link on the petition's page (decision 063): copy it, see until when it works, reissue it or
 * revoke it (after a confirmation), and decide on what the agency proposed.
 */
export function AgencyLinkPanel(props: LinkPanelProps) {
  const [reissueState, reissue, reissuing] = useActionState(reissueAgencyLinkAction, null);
  const [revokeState, revoke, revoking] = useActionState(revokeAgencyLinkAction, null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 sm:p-6" data-testid="agency-link-panel">
      <h2 id={`${id}-title`} className="text-lg font-semibold">Cơ quan trả lời qua đường liên kết</h2>
      {props.waiting.length > 0 && (
        <ul className="space-y-3">
          {props.waiting.map((a) => (
            <Decide key={a.id} answer={a} version={props.version} />
          ))}
        </ul>
      )}
      {props.link ? (
        <div className="space-y-2">
          <label htmlFor={`${id}-url`} className="block text-sm font-medium">Đường liên kết cho {props.agency}</label>
          <div className="flex gap-2">
            <input id={`${id}-url`} readOnly value={props.link.url} onFocus={(e) => e.currentTarget.select()} data-testid="agency-link-url" className="min-w-0 flex-1 rounded-md border border-stone-300 px-3 py-2 font-mono text-xs" />
            <button type="button" className={button} onClick={() => navigator.clipboard.writeText(props.link!.url).then(() => setCopied("yes"), () => setCopied("failed"))}>
              Sao chép
            </button>
          </div>
          <p className="text-sm text-stone-600">Dùng được đến hết ngày <span data-testid="agency-link-expiry">{props.link.expiresOn}</span>, cho kiến nghị này và lần giao này; giao lại hoặc kết thúc kiến nghị thì đường liên kết hết hiệu lực.</p>
          {props.email && <EmailLine email={props.email} />}
          <p role="status" className="text-sm">{copied === "yes" ? "Đã sao chép." : copied === "failed" ? "Không sao chép được: hãy chọn và sao chép bằng tay." : ""}</p>
          <form action={revoke} className="space-y-2 border-t border-stone-100 pt-2">
            <input type="hidden" name="petitionId" value={props.petitionId} />
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="confirm" required className="mt-1" /> Tôi xác nhận thu hồi: cơ quan sẽ không mở được đường liên kết này nữa.
            </label>
            <Failure state={revokeState} />
            <button type="submit" disabled={revoking} className={button}>Thu hồi đường liên kết</button>
          </form>
        </div>
      ) : (
        <p className="text-sm text-stone-600">Không có đường liên kết còn hiệu lực cho lần giao này.</p>
      )}
      <form action={reissue}>
        <input type="hidden" name="petitionId" value={props.petitionId} />
        <Failure state={reissueState} />
        <button type="submit" disabled={reissuing} className={button}>{props.link ? "Cấp lại đường liên kết mới" : "Cấp đường liên kết"}</button>
      </form>
    </section>
  );
}
