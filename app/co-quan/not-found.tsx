/** The one answer for a link that opens nothing, whatever the reason (decision 063). */
export default function AgencyLinkNotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-3 p-4">
      <h1 className="text-2xl font-semibold">Đường liên kết không còn hiệu lực</h1>
      <p>Đường liên kết này không đúng, đã hết hạn hoặc đã được thu hồi. Vui lòng liên hệ cán bộ đã giao việc để được cấp lại.</p>
    </main>
  );
}
