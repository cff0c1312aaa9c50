import { formatDate, formatDateTime } from "@/lib/format";
import type { agencyPetitionView, agencyView } from "@/lib/agency-links/agency";

type View = NonNullable<Awaited<ReturnType<typeof agencyView>>>;
type PetitionView = NonNullable<Awaited<ReturnType<typeof agencyPetitionView>>>;

/** Where the three forms post, and what they carry beside their fields (the link's token, or nothing). */
export interface AnswerTarget {
  action: string;
  hidden: Record<string, string>;
}

const inputClass = "mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base";
const buttonClass = "w-full rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2";

const KIND: Record<string, string> = { PROGRESS: "Báo cáo tiến độ", RESULT: "Đề xuất kết quả", EXTENSION: "Xin gia hạn" };
const RESOLUTION: Record<string, string> = { SETTLED: "Đã giải quyết xong (dứt điểm)", EXPLAINED: "Chỉ giải thích, trả lời" };
const PETITIONER: Record<string, string> = { PERSON: "Cá nhân", GROUP: "Nhóm, tập thể", ANONYMOUS: "Ẩn danh" };
const SENT: Record<string, string> = {
  "tien-do": "Đã gửi báo cáo tiến độ.",
  "ket-qua": "Đã gửi đề xuất kết quả. Cán bộ sẽ xem xét và chấp nhận hoặc trả lại.",
  "gia-han": "Đã gửi đề nghị gia hạn. Cán bộ sẽ xem xét.",
};
const ERROR: Record<string, string> = {
  "noi-dung": "Vui lòng ghi nội dung (ít nhất 5 ký tự, tối đa 5.000 ký tự).",
  "ket-qua": "Vui lòng chọn kết quả: đã giải quyết xong hoặc chỉ giải thích.",
  "so-ngay": "Số ngày làm việc xin thêm phải từ 1 đến 30.",
  "van-ban": "Vui lòng đính kèm một văn bản trả lời: pdf, jpg, png, docx hoặc xlsx, tối đa 10 MB.",
  cho: "Đề nghị trước của cơ quan vẫn đang chờ cán bộ xem xét.",
  "yeu-cau": "Yêu cầu không hợp lệ, vui lòng thử lại.",
};

function Decision({ decision, note }: { decision: string | null; note: string | null }) {
  if (decision === null) return <span className="text-amber-800">Đang chờ cán bộ xem xét</span>;
  if (decision === "ACCEPTED") return <span className="text-green-800">Đã được chấp nhận</span>;
  return <span className="text-red-800">Bị trả lại{note ? `: ${note}` : ""}</span>;
}

/**
 * The agency's page behind its link (decision 063): what it needs of the petition and three plain forms to
 * /co-quan/gui (no script, labelled fields), each carrying the token in its body. Always in Vietnamese.
 */
export function AgencyPage({ view, token, sent, error, form }: { view: View; token: string; sent?: string; error?: string; form?: string }) {
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-4 p-4">
      <header>
        <p className="text-sm text-stone-600">Dân vận · Trả lời kiến nghị được giao</p>
        <h1 className="text-2xl font-semibold">Kiến nghị {view.petition.code}</h1>
        <p className="text-sm text-stone-600">
          Giao cho: <strong>{view.agency.name}</strong> · Đường liên kết dùng đến hết ngày {formatDate(new Date(view.expiresAt.getTime() - 1))}
        </p>
      </header>
      <AgencyPetition view={view} target={{ action: "/co-quan/gui", hidden: { k: token } }} sent={sent} error={error} form={form} />
    </main>
  );
}

/**
 * The petition as its agency sees it, and while it holds it (`target`) the three plain forms: the link's page and
 * the agency's account (decision 064) show the same. Without `target`, what the agency sent, and no forms.
 */
export function AgencyPetition({ view, target, sent, error, form }: { view: PetitionView; target: AnswerTarget | null; sent?: string; error?: string; form?: string }) {
  const p = view.petition;
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex flex-col border-b border-stone-100 py-1.5 last:border-0">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
  const errorFor = (kind: string) =>
    error && form === kind ? (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{ERROR[error] ?? ERROR["yeu-cau"]}</p>
    ) : null;
  const hidden = (kind: string) => (
    <>
      {Object.entries(target?.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="loai" value={kind} />
    </>
  );
  const action = target?.action ?? "";
  return (
    <>
      {sent && SENT[sent] && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-900">{SENT[sent]}</p>
      )}
      {error && !form && <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{ERROR[error] ?? ERROR["yeu-cau"]}</p>}

      <section aria-labelledby="a-petition" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="a-petition" className="text-lg font-semibold">Nội dung kiến nghị</h2>
        <dl className="mt-2">
          {row("Mã kiến nghị", p.code)}
          {row("Lĩnh vực", p.field.name)}
          {row("Nơi phát sinh", `${p.unit.typeLabel} ${p.unit.name}`)}
          {row("Ngày tiếp nhận", formatDate(p.receivedOn))}
          {row("Hạn giải quyết", p.dueOn ? formatDate(p.dueOn) : "Chưa có")}
          {"petitionerName" in p && row(
            "Người kiến nghị",
            <>
              {PETITIONER[p.petitionerKind] ?? p.petitionerKind}
              {p.petitionerName && <> · {p.petitionerName}</>}
              {p.petitionerPhone && <> · {p.petitionerPhone}</>}
              {p.petitionerAddress && <> · {p.petitionerAddress}</>}
            </>,
          )}
        </dl>
        <p className="mt-3 whitespace-pre-line">{p.content}</p>
        {"petitionerName" in p && <p className="mt-2 text-xs text-stone-600">Thông tin người kiến nghị chỉ dùng để liên hệ giải quyết; mỗi lần xem đều được ghi nhật ký.</p>}
      </section>

      {target && (
      <>
      <section aria-labelledby="a-result" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="a-result" className="text-lg font-semibold">Đề xuất kết quả giải quyết</h2>
        {view.resultPending ? (
          <p className="mt-2 text-stone-700">Đề xuất kết quả của cơ quan đang chờ cán bộ xem xét.</p>
        ) : (
          <form method="post" action={action} encType="multipart/form-data" className="mt-3 space-y-3">
            {hidden("ket-qua")}
            {errorFor("ket-qua")}
            <fieldset>
              <legend className="text-sm font-medium">Kết quả</legend>
              <label className="mt-1 flex items-center gap-2">
                <input type="radio" name="ket-qua" value="SETTLED" required /> Đã giải quyết xong (dứt điểm)
              </label>
              <label className="mt-1 flex items-center gap-2">
                <input type="radio" name="ket-qua" value="EXPLAINED" /> Chỉ giải thích, trả lời
              </label>
            </fieldset>
            <div>
              <label htmlFor="a-result-text" className="block text-sm font-medium">Tóm tắt kết quả</label>
              <textarea id="a-result-text" name="noi-dung" required minLength={5} maxLength={5000} rows={4} className={inputClass} />
            </div>
            <div>
              <label htmlFor="a-result-file" className="block text-sm font-medium">Văn bản trả lời</label>
              <input id="a-result-file" name="van-ban" type="file" required accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx" aria-describedby="a-result-file-hint" className="mt-1 block w-full text-sm" />
              <p id="a-result-file-hint" className="mt-1 text-xs text-stone-600">Một tệp pdf, jpg, png, docx hoặc xlsx, tối đa 10 MB.</p>
            </div>
            <button type="submit" className={buttonClass}>Gửi đề xuất kết quả</button>
          </form>
        )}
      </section>

      <section aria-labelledby="a-progress" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="a-progress" className="text-lg font-semibold">Báo cáo tiến độ</h2>
        <form method="post" action={action} className="mt-3 space-y-3">
          {hidden("tien-do")}
          {errorFor("tien-do")}
          <div>
            <label htmlFor="a-progress-text" className="block text-sm font-medium">Tiến độ xử lý</label>
            <textarea id="a-progress-text" name="noi-dung" required minLength={5} maxLength={5000} rows={3} className={inputClass} />
          </div>
          <button type="submit" className={buttonClass}>Gửi báo cáo tiến độ</button>
        </form>
      </section>

      <section aria-labelledby="a-extension" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="a-extension" className="text-lg font-semibold">Xin gia hạn</h2>
        {view.extensionPending ? (
          <p className="mt-2 text-stone-700">Đề nghị gia hạn của cơ quan đang chờ cán bộ xem xét.</p>
        ) : (
          <form method="post" action={action} className="mt-3 space-y-3">
            {hidden("gia-han")}
            {errorFor("gia-han")}
            <div>
              <label htmlFor="a-extension-days" className="block text-sm font-medium">Số ngày làm việc xin thêm</label>
              <input id="a-extension-days" name="so-ngay" type="number" inputMode="numeric" required min={1} max={30} className={inputClass} />
            </div>
            <div>
              <label htmlFor="a-extension-text" className="block text-sm font-medium">Lý do</label>
              <textarea id="a-extension-text" name="noi-dung" required minLength={5} maxLength={5000} rows={3} className={inputClass} />
            </div>
            <button type="submit" className={buttonClass}>Gửi đề nghị gia hạn</button>
          </form>
        )}
      </section>

      </>
      )}

      <section aria-labelledby="a-history" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="a-history" className="text-lg font-semibold">Các lần cơ quan đã gửi</h2>
        {view.answers.length === 0 ? (
          <p className="mt-2 text-stone-600">Cơ quan chưa gửi gì về kiến nghị này.</p>
        ) : (
          <ol className="mt-2 space-y-3" data-testid="agency-answers">
            {view.answers.map((a) => (
              <li key={a.id} className="border-b border-stone-100 pb-2 last:border-0">
                <p className="font-medium">
                  {KIND[a.kind]}
                  {a.resolution && <> · {RESOLUTION[a.resolution]}</>}
                  {a.days !== null && <> · {a.days} ngày làm việc</>}
                </p>
                <p className="text-sm text-stone-600">
                  <time dateTime={a.createdAt.toISOString()}>{formatDateTime(a.createdAt)}</time>
                  {a.kind !== "PROGRESS" && <> · <Decision decision={a.decision} note={a.decisionNote} /></>}
                </p>
                <p className="mt-1 whitespace-pre-line text-sm">{a.text}</p>
                {a.attachment && <p className="text-sm text-stone-600">Tệp: {a.attachment.fileName}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
